package vn.gbv.portal.unit;

/** The kinds of unit in a city's tree (PRODUCT.md, "unit"). */
public enum UnitType {
    CITY,
    /** Sở, ngành. */
    DEPARTMENT,
    /** Xã. */
    COMMUNE,
    /** Phường. */
    WARD,
    HEALTH_FACILITY,
    SCHOOL,
    /** Cơ sở trợ giúp xã hội. */
    SOCIAL_ASSISTANCE,
    /** Nơi tạm lánh, địa chỉ tin cậy. */
    SHELTER,
    OTHER;

    public String translationKey() {
        return "unit.type." + name();
    }
}
