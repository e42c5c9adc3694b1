package vn.cungem.student.importing.values;

/**
 * The free-text columns whose distinct texts a person maps once per file, and how a mapped value is written: category
 * codes separated by commas (empty for none), a {@code DeviceSituation} or {@code Connectivity} constant, or needs codes
 * ({@code DEVICE,SIM,DATA,WIFI}).
 */
public enum ValueField {
    CATEGORIES,
    DEVICE_SITUATION,
    CONNECTIVITY,
    NEEDS;

    /** The bundle key of the field's name ({@code values.field.CATEGORIES}). */
    public String labelKey() {
        return "values.field." + name();
    }
}
