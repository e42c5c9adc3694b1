package vn.cungem.demo.generator;

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
final class Csv {

    private Csv() {}

    static String line(String... fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String field = fields[i] == null ? "" : fields[i];
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0) {
                out.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                out.append(field);
            }
        }
        return out.toString();
    }
}
