package vn.gbv.portal.coverage;

import static vn.gbv.portal.unit.StaffCategory.CAN_BO;
import static vn.gbv.portal.unit.StaffCategory.CONG_CHUC;
import static vn.gbv.portal.unit.StaffCategory.CONG_TAC_VIEN;
import static vn.gbv.portal.unit.StaffCategory.NHAN_VIEN;
import static vn.gbv.portal.unit.StaffCategory.VIEN_CHUC;

import java.sql.Date;
import java.time.LocalDate;
import vn.gbv.portal.unit.UnitType;

/**
 * The hand-built tree of the coverage tests: city C with ward A (health station A1 below it),
 * commune B (merged into A on 1 Jul 2026) and school S, and 18 people whose figures are worked
 * out by hand in {@link CoverageFiguresTest}. p4 is outside the target population; p5's knowledge
 * course predates the window; p6's in-depth completion is revoked; p7's is superseded by a later
 * correction; p8 has three knowledge completions; p15 moves from S to A1, p16 leaves, p17's
 * in-depth course is after the window; p3 has started the knowledge course without finishing.
 */
final class HandBuiltCity {

    static final LocalDate T0 = LocalDate.of(2025, 7, 1);
    static final LocalDate MERGED = LocalDate.of(2026, 7, 1);
    static final LocalDate D1 = LocalDate.of(2026, 6, 30);
    static final LocalDate D2 = LocalDate.of(2026, 11, 30);

    final long c;
    final long a;
    final long a1;
    final long b;
    final long s;
    final long[] p = new long[19];
    final CoverageTestData data;

    HandBuiltCity(CoverageTestData data) {
        this.data = data;
        c = data.unit("C", UnitType.CITY, null, T0);
        a = data.unit("A", UnitType.WARD, c, T0);
        a1 = data.unit("A1", UnitType.HEALTH_FACILITY, a, T0);
        b = data.unit("B", UnitType.COMMUNE, c, T0);
        s = data.unit("S", UnitType.SCHOOL, c, T0);

        long k = data.course("k", "knowledge");
        long k2 = data.course("k2", "knowledge");
        long i = data.course("i", "in-depth");
        long w = data.course("w", "workplace");
        long kv = data.version(k);

        p[1] = data.person("Nguyễn Thị Một", "F", a, CONG_CHUC, true, T0);
        p[2] = data.person("Trần Văn Hai", "M", a, CAN_BO, true, T0);
        p[3] = data.person("Lê Thị Ba", "F", a, CONG_TAC_VIEN, true, T0);
        p[4] = data.person("Phạm Thị Bốn", "F", a, CONG_CHUC, false, T0);
        p[5] = data.person("Hoàng Văn Năm", "M", a, NHAN_VIEN, true, T0);
        p[6] = data.person("Võ Thị Sáu", "F", a, VIEN_CHUC, true, T0);
        p[7] = data.person("Đặng Thị Bảy", "F", a, CONG_CHUC, true, T0);
        p[8] = data.person("Bùi Văn Tám", "M", a, CONG_CHUC, true, T0);
        p[9] = data.person("Đỗ Thị Chín", "F", a1, VIEN_CHUC, true, T0);
        p[10] = data.person("Hồ Văn Mười", "M", a1, VIEN_CHUC, true, T0);
        p[11] = data.person("Ngô Thị Mười Một", "F", a1, VIEN_CHUC, true, T0);
        p[12] = data.person("Dương Thị Mười Hai", "F", b, CONG_TAC_VIEN, true, T0);
        p[13] = data.person("Lý Văn Mười Ba", "M", b, CONG_TAC_VIEN, true, T0);
        p[14] = data.person("Phan Thị Mười Bốn", "F", s, VIEN_CHUC, true, T0);
        p[15] = data.person("Huỳnh Văn Mười Lăm", "M", s, VIEN_CHUC, true, T0);
        p[16] = data.person("Tôn Nữ Mười Sáu", "F", s, CAN_BO, true, T0);
        p[17] = data.person("Trương Văn Mười Bảy", "M", s, CONG_CHUC, true, T0);
        p[18] = data.person("Đoàn Thị Mười Tám", "F", c, CONG_CHUC, true, T0);

        data.imported(p[1], k, day("2026-02-10"));
        data.imported(p[1], i, day("2026-03-15"));
        data.imported(p[2], k, day("2026-04-01"));
        data.imported(p[3], i, day("2026-05-20"));
        data.started(p[3], k, kv);
        data.imported(p[4], k, day("2026-02-01"));
        data.imported(p[4], i, day("2026-02-02"));
        data.imported(p[5], k, day("2025-11-01"));
        data.imported(p[5], i, day("2026-02-01"));
        data.imported(p[6], k, day("2026-01-15"));
        data.revoke(data.imported(p[6], i, day("2026-06-10")));
        data.imported(p[7], k, day("2026-03-01"));
        data.correction(data.imported(p[7], i, day("2026-04-01")), day("2026-08-05"));
        data.imported(p[8], k, day("2026-02-01"));
        data.imported(p[8], k2, day("2026-02-03"));
        data.online(p[8], k, kv, day("2026-03-01"));
        data.imported(p[8], i, day("2026-03-10"));
        data.imported(p[9], k, day("2026-05-05"));
        data.imported(p[9], i, day("2026-05-06"));
        data.imported(p[11], k, day("2026-02-02"));
        data.imported(p[11], w, day("2026-02-03"));
        data.imported(p[12], k, day("2026-01-20"));
        data.imported(p[12], i, day("2026-02-20"));
        data.imported(p[14], k, day("2026-03-03"));
        data.imported(p[14], i, day("2026-03-04"));
        data.imported(p[15], k, day("2026-04-04"));
        data.imported(p[15], i, day("2026-10-10"));
        data.imported(p[16], k, day("2026-02-05"));
        data.imported(p[16], i, day("2026-02-06"));
        data.imported(p[17], k, day("2026-03-01"));
        data.imported(p[17], i, day("2031-02-01"));
        data.imported(p[18], k, day("2026-05-01"));
        data.imported(p[18], i, day("2026-05-02"));

        // B merged into A: B and its parent link end, its people continue in A.
        data.jdbc.update("update unit set valid_to = ?, successor_id = ? where id = ?", Date.valueOf(MERGED), a, b);
        data.jdbc.update("update unit_parent set valid_to = ? where unit_id = ?", Date.valueOf(MERGED), b);
        data.move(p[12], a, MERGED);
        data.move(p[13], a, MERGED);
        data.move(p[15], a1, day("2026-09-01"));
        data.move(p[16], null, day("2026-08-15"));
        data.rebuildClosure();
    }

    String code(long unitId) {
        return data.jdbc.queryForObject("select code from unit where id = ?", String.class, unitId);
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
