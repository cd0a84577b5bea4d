package io.fabricplan.excel;

import io.fabricplan.validate.InputProblem;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Opening workbooks read-only and writing files atomically. Input workbooks are read from an InputStream, so
 * POI never holds the file open for writing and cannot change it.
 */
final class WorkbookFiles {
    private WorkbookFiles() {
    }

    /** Rows each streamed sheet keeps in memory; the rest is flushed to compressed temporary files. */
    static final int STREAM_WINDOW = 100;

    /**
     * Workbooks of up to this many rows are built in memory (XSSF, shared strings), larger ones stream (SXSSF).
     * Streamed cells hold their text inline, which Excel and LibreOffice read and edit like any other; but POI's
     * own {@code Cell.setCellValue(String)} on an existing inline cell leaves the old text in place, so tools that
     * edit workbooks with POI see small workbooks unchanged from before streaming.
     */
    static final int IN_MEMORY_ROWS = 10_000;

    /** Fills a workbook. */
    @FunctionalInterface
    interface WorkbookBody {
        void fill(Workbook workbook) throws IOException;
    }

    /**
     * Writes a workbook atomically: in memory for up to {@link #IN_MEMORY_ROWS} rows, else streaming (SXSSF),
     * {@link #STREAM_WINDOW} rows per sheet in memory and the rest in compressed temporary files that are deleted
     * afterwards, whatever happens.
     */
    static void writeWorkbook(Path out, long rows, WorkbookBody body) throws IOException {
        writeAtomically(out, stream -> {
            try (Workbook workbook = rows <= IN_MEMORY_ROWS ? new XSSFWorkbook() : streaming(null)) {
                body.fill(workbook);
                workbook.write(stream);
            } // SXSSF's close() deletes its temporary files (POI 5.5)
        });
    }

    /** A streaming workbook, over a template's sheets or new. */
    static SXSSFWorkbook streaming(XSSFWorkbook template) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(template, STREAM_WINDOW);
        workbook.setCompressTempFiles(true);
        return workbook;
    }

    /** Writes the whole content of a file. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Opens an .xlsx read-only and whole. Returns null and adds one problem (located at the file name) when the
     * file is missing, not an .xlsx, corrupt or password protected.
     */
    static XSSFWorkbook open(Path path, List<InputProblem> problems) {
        if (!isXlsx(path, problems)) {
            return null;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return new XSSFWorkbook(in);
        } catch (IOException | RuntimeException e) {
            problems.add(corrupt(path, e));
            return null;
        }
    }

    /**
     * Whether the file is there and looks like an .xlsx (a zip, not an old .xls or an encrypted workbook); when
     * not, adds one problem located at the file name.
     */
    static boolean isXlsx(Path path, List<InputProblem> problems) {
        String where = where(path);
        if (!Files.exists(path)) {
            problems.add(new InputProblem(where, "file not found: " + path.toAbsolutePath(),
                    "check the path, or run `fabricplan template new.xlsx` for a workbook to start from."));
            return false;
        }
        if (Files.isDirectory(path)) {
            problems.add(new InputProblem(where, "is a directory, not a workbook", "name the .xlsx file."));
            return false;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            FileMagic magic = FileMagic.valueOf(in);
            if (magic == FileMagic.OLE2) {
                problems.add(ole2Problem(where, in));
                return false;
            }
            if (magic != FileMagic.OOXML) {
                problems.add(new InputProblem(where, "is not an Excel .xlsx workbook",
                        "save it from Excel or LibreOffice as .xlsx (Excel Workbook)."));
                return false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            problems.add(corrupt(path, e));
            return false;
        }
    }

    /** The problem of a file that looked like an .xlsx but could not be read. */
    static InputProblem corrupt(Path path, Exception e) {
        return new InputProblem(where(path), "cannot be read as an .xlsx workbook (corrupt or truncated?): "
                + e.getMessage(), "open it in Excel and save it again as .xlsx.");
    }

    private static String where(Path path) {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }

    /** An OLE2 file is either an encrypted .xlsx (Excel wraps those in OLE2) or an old .xls. */
    private static InputProblem ole2Problem(String where, InputStream in) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(in)) {
            if (fs.getRoot().hasEntry("EncryptionInfo")) {
                return new InputProblem(where, "is password protected",
                        "save a copy without a password (File > Info > Protect Workbook) and plan that.");
            }
        }
        return new InputProblem(where, "is an Excel 97-2003 .xls workbook, not .xlsx",
                "save it as .xlsx (Excel Workbook).");
    }

    /**
     * Writes {@code out} through a temporary file in a hidden folder beside it ({@link WriteFolder}), then moves it
     * into place (atomically where the file system can). POI's temporary files of the write go in the same folder,
     * which is deleted afterwards, whatever happens; on any failure {@code out} is untouched. Folders that writes to
     * the same output left behind when killed are deleted first.
     */
    static void writeAtomically(Path out, Body body) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        WriteFolder.deleteStale(target);
        try (WriteFolder folder = WriteFolder.create(target)) {
            Path tmp = Files.createFile(folder.workbook());
            ordinaryPermissions(tmp, target);
            folder.withPoiTempFiles(() -> {
                try (OutputStream os = Files.newOutputStream(tmp)) {
                    body.writeTo(os);
                }
            });
            move(tmp, target);
        }
    }

    /**
     * Temporary files are private (rw-------); the workbook a planner gets should be like any file they save:
     * the old file's permissions when replacing one, else rw-r--r--.
     */
    private static void ordinaryPermissions(Path tmp, Path target) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Files.setPosixFilePermissions(tmp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Whether two paths name the same file, existing or not. */
    static boolean sameFile(Path a, Path b) throws IOException {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    }
}
