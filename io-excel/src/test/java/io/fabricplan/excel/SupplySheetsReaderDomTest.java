package io.fabricplan.excel;

/** Every v2 reader test over the whole-workbook row source alone. */
class SupplySheetsReaderDomTest extends SupplySheetsReaderTest {
    @Override
    RowSources.Mode mode() {
        return RowSources.Mode.DOM;
    }
}
