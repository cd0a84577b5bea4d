package io.fabricplan.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The limits' defaults, names and values as the command line gives them. */
class ReadLimitsTest {
    @Test
    void defaultsAreExcelsMaximaAndTheDocumentedBudgets() {
        ReadLimits d = ReadLimits.defaults();

        assertThat(d.rows()).isEqualTo(1_048_576);
        assertThat(d.columns()).isEqualTo(16_384);
        assertThat(d.cellChars()).isEqualTo(32_767);
        assertThat(d.rowChars()).isEqualTo(4_194_304);
        assertThat(d.sharedStrings()).isEqualTo(2_000_000);
        assertThat(d.sharedChars()).isEqualTo(100_000_000L);
        assertThat(d.workbookBytes()).isEqualTo(1L << 30);
        assertThat(d.inflateRatio()).isEqualTo(100.0);
        assertThat(d.zipEntries()).isEqualTo(1_000);
        assertThat(d.formulaChars()).isEqualTo(8_192);
        assertThat(d.formulaNesting()).isEqualTo(64);
        assertThat(d.formulaCells()).isEqualTo(1_000_000);
        assertThat(d.problems()).isEqualTo(200);
        assertThat(ReadLimits.names()).containsExactly("rows", "columns", "cell-chars", "row-chars",
                "shared-strings", "shared-chars", "workbook-bytes", "inflate-ratio", "zip-entries", "formula-chars",
                "formula-nesting", "formula-cells", "problems");
    }

    @Test
    void limitsAreSetByNameWithSeparatorsAndBinarySuffixes() {
        ReadLimits l = ReadLimits.defaults().with("workbook-bytes", "512m").with(" Problems ", "1,000")
                .with("formula-cells", "2_000_000").with("inflate-ratio", "50:1").with("shared-chars", "1g");

        assertThat(l.workbookBytes()).isEqualTo(512L << 20);
        assertThat(l.problems()).isEqualTo(1_000);
        assertThat(l.formulaCells()).isEqualTo(2_000_000);
        assertThat(l.inflateRatio()).isEqualTo(50.0);
        assertThat(l.sharedChars()).isEqualTo(1L << 30);
        assertThat(l.rows()).isEqualTo(ReadLimits.EXCEL_ROWS);
    }

    @Test
    void unknownNamesBadValuesAndExcelsMaximaAreRefusedByName() {
        ReadLimits d = ReadLimits.defaults();

        assertThatThrownBy(() -> d.with("cells", "5")).hasMessageStartingWith("unknown limit \"cells\"; the limits "
                + "are rows, columns");
        assertThatThrownBy(() -> d.with("rows", "many")).hasMessage("rows takes a whole number (k, m or g for 1024, "
                + "1024^2, 1024^3), got \"many\"");
        assertThatThrownBy(() -> d.with("rows", "2000000")).hasMessage("rows must be from 1 to 1,048,576 (Excel's "
                + "own maximum), got 2,000,000");
        assertThatThrownBy(() -> d.withCellChars(40_000)).hasMessageContaining("Excel's own maximum");
        assertThatThrownBy(() -> d.with("inflate-ratio", "0.5")).hasMessageStartingWith("inflate-ratio must be "
                + "from 1");
    }
}
