package vn.gbv.portal.unit;

/** As recorded in the staff list; coverage is broken down by it (sex-disaggregated figures). */
public enum Sex {
    F, M;

    public String translationKey() {
        return "people.sex." + name();
    }
}
