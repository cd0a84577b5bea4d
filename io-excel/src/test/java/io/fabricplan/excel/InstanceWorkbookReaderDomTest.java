package io.fabricplan.excel;

import io.fabricplan.excel.InstanceWorkbookReader.ReadResult;
import java.nio.file.Path;

/** Every reader test over the whole-workbook row source alone. */
class InstanceWorkbookReaderDomTest extends InstanceWorkbookReaderTest {
    @Override
    ReadResult readFile(Path file) {
        return InstanceWorkbookReader.read(file, RowSources.Mode.DOM);
    }
}
