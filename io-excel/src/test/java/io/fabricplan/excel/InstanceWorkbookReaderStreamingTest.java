package io.fabricplan.excel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.excel.InstanceWorkbookReader.ReadResult;
import io.fabricplan.model.Link;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every reader test over the streaming row source alone, without evaluating formulas saved without values: the
 * same values, problems and cells, except that such a formula is reported at its cell.
 */
class InstanceWorkbookReaderStreamingTest extends InstanceWorkbookReaderTest {
    @Override
    ReadResult readFile(Path file) {
        return InstanceWorkbookReader.read(file, RowSources.Mode.STREAMING);
    }

    @Override
    @Test
    void formulaCellsAreReadByValue() throws IOException {
        TestWorkbook wb = TestWorkbook.valid();
        wb.set("Links", 2, 4, new TestWorkbook.Formula("400*2", false))
                .set("Links", 3, 4, new TestWorkbook.Formula("200*4", true))
                .set("Racks", 3, 2, new TestWorkbook.Formula("1+2", false));

        ReadResult result = read(wb);

        assertThat(described(result)).containsExactly(
                "Racks!C3: formula without a saved value (=1+2)",
                "Links!E2: formula without a saved value (=400*2)");
        assertThat(result.instance().links()).extracting(Link::gbps).containsExactly(Double.NaN, 800.0);
    }

    @Test
    void cachedFormulaTextAndBooleansAreReadByTheirSavedValues() throws IOException {
        TestWorkbook wb = TestWorkbook.valid()
                .set("Devices", 3, 7, true)
                .set("Devices", 2, 1, new TestWorkbook.Formula("\"LE\"&\"AF\"", true));

        ReadResult result = read(wb);

        assertThat(result.problems()).isEmpty();
        assertThat(result.instance().devices().get(0).role()).isEqualTo(io.fabricplan.model.Role.LEAF);
        assertThat(result.instance().devices().get(1).lpoCapable()).isTrue();
    }
}
