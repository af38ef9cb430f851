package vn.gbv.portal.unit;

/** Đối tượng: the staff categories of target I.2.d. */
public enum StaffCategory {
    /** Cán bộ. */
    CAN_BO,
    /** Công chức. */
    CONG_CHUC,
    /** Viên chức. */
    VIEN_CHUC,
    /** Nhân viên. */
    NHAN_VIEN,
    /** Cộng tác viên. */
    CONG_TAC_VIEN;

    public String translationKey() {
        return "people.category." + name();
    }
}
