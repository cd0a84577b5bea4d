package io.fabricplan.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SparkStudy's command line: both flag spellings, repeated sweeps, and every bad value named with a hint. */
class StudyArgsTest {
    @Test
    void flagsAndValuesInEitherSpelling() throws Exception {
        StudyArgs a = StudyArgs.parse(new String[] {"in.xlsx", "--output=out.xlsx", "--sweep", "pue=1.1,1.2",
                "--sweep=SwitchModels[packaging=CPO].cost_usd *=0.9,1", "--stages", "--threads", "2",
                "--time-limit=7.5", "--partitions", "12"});

        assertThat(a).isEqualTo(new StudyArgs(Path.of("in.xlsx"), Path.of("out.xlsx"),
                List.of("pue=1.1,1.2", "SwitchModels[packaging=CPO].cost_usd *=0.9,1"), true, 2, 7.5, 12));
        StudyArgs defaults = StudyArgs.parse(new String[] {"-o", "out.xlsx", "in.xlsx"});
        assertThat(defaults.threads()).isNull();
        assertThat(defaults.partitions()).isNull();
        assertThat(defaults.timeLimit()).isNaN();
        assertThatThrownBy(() -> StudyArgs.parse(new String[] {"in.xlsx", "--help"})).isInstanceOf(StudyArgs.Help.class);
    }

    @Test
    void badFlagsAreNamedWithAHint() {
        for (String[] args : List.of(new String[] {"in.xlsx", "-o"}, new String[] {"in.xlsx", "-o", "o.xlsx",
                "--threads", "0"}, new String[] {"in.xlsx", "-o", "o.xlsx", "--time-limit", "-1"},
                new String[] {"in.xlsx", "-o", "o.xlsx", "--partitions", "many"},
                new String[] {"in.xlsx", "-o", "o.xlsx", "--master", "yarn"},
                new String[] {"in.xlsx", "other.xlsx", "-o", "o.xlsx"}, new String[] {"-o", "o.xlsx"},
                new String[] {"in.xlsx"})) {
            assertThatThrownBy(() -> StudyArgs.parse(args)).as(String.join(" ", args))
                    .isInstanceOf(StudyArgs.Invalid.class).hasMessageContaining("Maybe").hasMessageEndingWith(".");
        }
    }
}
