package vn.gbv.portal.demo;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Makes realistic Vietnamese people for the demo city, the same on every machine (fixed seed). */
final class People {

    private static final List<String> SURNAMES = List.of("Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm",
            "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Tôn Nữ", "Đoàn", "Trương");
    private static final List<String> MIDDLE_F = List.of("Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Phương", "Bảo", "Hồng");
    private static final List<String> MIDDLE_M = List.of("Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Công", "Thanh", "Đình", "Xuân");
    private static final List<String> GIVEN_F = List.of("Lan", "Hương", "Hà", "Mai", "Hoa", "Trang", "Thảo", "Linh", "Nhung",
            "Hằng", "Yến", "Vy", "Loan", "Phượng", "Diễm", "Thủy", "Nga", "Hạnh", "Quỳnh", "Ngân", "Tâm", "My", "Duyên");
    private static final List<String> GIVEN_M = List.of("Hùng", "Dũng", "Tuấn", "Nam", "Sơn", "Long", "Phúc", "Quang", "Hải",
            "Bình", "Minh", "Khoa", "Thắng", "Trung", "Hiếu", "Tài", "Vinh", "Lộc", "Huy", "Toàn", "Đạt");

    private final JdbcTemplate jdbc;
    private final Random random;
    private int count;

    People(JdbcTemplate jdbc, Random random) {
        this.jdbc = jdbc;
        this.random = random;
    }

    /** {@code n} people in a unit; social-work staff (the target population) with the given share. */
    void add(long unitId, int n, String category, double targetShare, String position) {
        for (int i = 0; i < n; i++) {
            // More women than men, as in most social-work teams the plans describe.
            boolean female = random.nextDouble() < 0.68;
            String name = pick(SURNAMES) + " " + pick(female ? MIDDLE_F : MIDDLE_M) + " " + pick(female ? GIVEN_F : GIVEN_M);
            int birthYear = 1968 + random.nextInt(36);
            LocalDate joined = LocalDate.of(2018 + random.nextInt(8), 1 + random.nextInt(12), 1);
            // Memberships start with today's tree: people who joined earlier are in it from its first day.
            LocalDate from = joined.isBefore(DemoDataLoader.TREE_FROM) ? DemoDataLoader.TREE_FROM : joined;
            named(unitId, name, female ? "F" : "M", birthYear, category, random.nextDouble() < targetShare, position, from);
        }
    }

    long named(long unitId, String name, String sex, int birthYear, String category, boolean inTarget, String position,
               LocalDate from) {
        String phone = "09" + (10_000_000 + random.nextInt(89_999_999));
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("insert into person (full_name, sex, birth_year, phone) values (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, name);
            ps.setString(2, sex);
            ps.setInt(3, birthYear);
            ps.setString(4, phone);
            return ps;
        }, key);
        long id = key.getKey().longValue();
        jdbc.update("""
                insert into membership (person_id, unit_id, category, position, in_target, valid_from)
                values (?, ?, ?, ?, ?, ?)
                """, id, unitId, category, position, inTarget, Date.valueOf(from));
        count++;
        return id;
    }

    int count() {
        return count;
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
