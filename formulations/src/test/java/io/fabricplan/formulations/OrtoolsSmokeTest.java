package io.fabricplan.formulations;
import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.sat.CpModel;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
class OrtoolsSmokeTest {
  @Test void nativesLoad() {
    Loader.loadNativeLibraries();
    assertThat(new CpModel().newBoolVar("b")).isNotNull();
    assertThat(MPSolver.createSolver("SCIP")).isNotNull();
    assertThat(MPSolver.createSolver("HIGHS")).isNotNull();
  }
}
