package deepq4j.dqn.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {
    @TempDir
    Path tmp;

    @Test
    void readsRowsAndNamesTheFileAndLineOfADamagedField() throws IOException {
        Path csv = tmp.resolve("episodes.csv");
        Files.writeString(csv, "step,return,length\n9,10.0,10\n20,1x.0,11\n");
        List<String[]> rows = CsvFile.rows(csv);
        assertEquals(2, rows.size());
        assertEquals(9, CsvFile.whole(csv, 0, rows.get(0), 0));
        assertEquals(10.0, CsvFile.number(csv, 0, rows.get(0), 1));
        IOException bad = assertThrows(IOException.class, () -> CsvFile.number(csv, 1, rows.get(1), 1));
        assertEquals(csv + ", line 3: '1x.0' is not a number (a damaged file)", bad.getMessage());
        IOException missing = assertThrows(IOException.class, () -> CsvFile.count(csv, 0, rows.get(0), 5));
        assertTrue(missing.getMessage().contains("line 2: 3 fields, column 6 missing"), missing.getMessage());
        Files.writeString(csv, "trial\n-4\n");
        IOException negative = assertThrows(IOException.class, () -> CsvFile.count(csv, 0, CsvFile.rows(csv).get(0), 0));
        assertTrue(negative.getMessage().contains("-4 is out of range"), negative.getMessage());
        Files.write(csv, new byte[] {(byte) 0xff, '\n'});
        assertEquals(csv + ": not UTF-8 text", assertThrows(IOException.class, () -> CsvFile.rows(csv)).getMessage());
        Files.writeString(csv, "");
        assertTrue(assertThrows(IOException.class, () -> CsvFile.rows(csv)).getMessage().contains("empty"));
    }
}
