package io.fabricplan.excel;

/** Every v2 reader test over the streaming row source alone. */
class SupplySheetsReaderStreamingTest extends SupplySheetsReaderTest {
    @Override
    RowSources.Mode mode() {
        return RowSources.Mode.STREAMING;
    }
}
