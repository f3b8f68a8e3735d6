package no.bosetting.messages;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * ZIP archives written byte by byte for the attachment tests, so an entry can declare any size and hold a
 * DEFLATE stream of any length: a real Word document, or one that unpacks to a gibibyte from a megabyte.
 */
final class Zips {

    static final String WORD_CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
            </Types>""";
    static final String WORD_DOCUMENT = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Leiekontrakt</w:t></w:r></w:p></w:body></w:document>""";

    /** One entry: its name, raw DEFLATE data, and the CRC and sizes it declares. */
    record Entry(String name, byte[] deflated, long crc, long declaredSize) {

        static Entry of(String name, String text) {
            byte[] data = text.getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(data);
            return new Entry(name, deflate(data), crc.getValue(), data.length);
        }

        /** {@code mebibytes} MiB of zeros, as about a thousandth of that in DEFLATE data, declaring {@code declaredSize}. */
        static Entry zeros(String name, int mebibytes, long declaredSize) {
            byte[] mib = new byte[1024 * 1024];
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
            deflater.setInput(mib);
            byte[] buffer = new byte[64 * 1024];
            int n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            deflater.end();
            // Each block refers only to its own output, so the same bytes repeated unpack to the zeros repeated.
            ByteArrayOutputStream out = new ByteArrayOutputStream(n * mebibytes + 2);
            CRC32 crc = new CRC32();
            for (int i = 0; i < mebibytes; i++) {
                out.write(buffer, 0, n);
                crc.update(mib);
            }
            out.write(0x03); // an empty final block with fixed codes
            out.write(0x00);
            return new Entry(name, out.toByteArray(), crc.getValue(), declaredSize);
        }
    }

    private Zips() {
    }

    static byte[] wordDocument() {
        return zip(List.of(Entry.of("[Content_Types].xml", WORD_CONTENT_TYPES), Entry.of("word/document.xml", WORD_DOCUMENT)));
    }

    static byte[] zip(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        for (Entry e : entries) {
            offsets.add(out.size());
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            int32(out, 0x04034b50);
            header(out, e, name);
            out.writeBytes(name);
            out.writeBytes(e.deflated());
        }
        int directory = out.size();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            int32(out, 0x02014b50);
            int16(out, 20); // made by
            header(out, e, name);
            int16(out, 0); // comment
            int16(out, 0); // disk
            int16(out, 0); // internal attributes
            int32(out, 0); // external attributes
            int32(out, offsets.get(i));
            out.writeBytes(name);
        }
        int directorySize = out.size() - directory;
        int32(out, 0x06054b50);
        int16(out, 0);
        int16(out, 0);
        int16(out, entries.size());
        int16(out, entries.size());
        int32(out, directorySize);
        int32(out, directory);
        int16(out, 0);
        return out.toByteArray();
    }

    /** Version needed, flags, method (8: DEFLATE), time, date, CRC, sizes, name length, extra length. */
    private static void header(ByteArrayOutputStream out, Entry e, byte[] name) {
        int16(out, 20);
        int16(out, 0x0800);
        int16(out, 8);
        int16(out, 0);
        int16(out, 0x21);
        int32(out, e.crc());
        int32(out, e.deflated().length);
        int32(out, e.declaredSize());
        int16(out, name.length);
        int16(out, 0);
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static void int16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xff);
        out.write((v >>> 8) & 0xff);
    }

    private static void int32(ByteArrayOutputStream out, long v) {
        int16(out, (int) (v & 0xffff));
        int16(out, (int) ((v >>> 16) & 0xffff));
    }
}
