package vn.gbv.portal.demo;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gbv.portal.base.AppSettings;
import vn.gbv.portal.security.AccountService;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.UnitService;

/**
 * The demo city: Huế's wards named in the 2026–2030 plan (seed 000), city departments and
 * facilities below them, a few hundred people, and one account per role (README lists them).
 * Loaded on the first start of the embedded database in development ({@code portal.demo-data=auto},
 * set by the {@code dev} profile that {@code ./mvnw spring-boot:run} activates), or with
 * {@code portal.demo-data=true}; never by the production jar otherwise, and never into a database
 * that already has units. A database holding it says so ({@code app_setting demo_data}), and so
 * does every page.
 */
@Component
@Order(1)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    static final LocalDate TREE_FROM = LocalDate.of(2025, 7, 1); // two-level local government

    private final JdbcTemplate jdbc;
    private final UnitService units;
    private final AccountService accounts;
    private final TransactionTemplate transaction;
    private final AppSettings settings;
    private final String mode;
    private final boolean embedded;
    private volatile boolean loadedInThisRun;

    DemoDataLoader(JdbcTemplate jdbc, UnitService units, AccountService accounts, TransactionTemplate transaction,
                   AppSettings settings,
                   @Value("${portal.demo-data:false}") String mode,
                   @Value("${spring.datasource.url:}") String datasourceUrl) {
        this.jdbc = jdbc;
        this.units = units;
        this.accounts = accounts;
        this.transaction = transaction;
        this.settings = settings;
        this.mode = mode.trim().toLowerCase();
        this.embedded = datasourceUrl.isBlank();
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean wanted = mode.equals("true") || (mode.equals("auto") && embedded);
        if (!wanted) {
            return;
        }
        Integer existing = jdbc.queryForObject("select count(*) from unit", Integer.class);
        if (existing != null && existing > 0) {
            log.info("Demo data not loaded: the database already has {} units", existing);
            return;
        }
        transaction.executeWithoutResult(status -> load());
        loadedInThisRun = true;
    }

    /**
     * Lộc An's manager has confirmed the roster for the current reporting period (issue 17): the
     * roster page shows who and when, and says so once the roster changes afterwards.
     */
    private void attestRoster(long unitId, String username, String name) {
        jdbc.update("""
                insert into roster_attestation (unit_id, period_id, as_of, population, attested_by, attested_name)
                select ?, rp.id, least(curdate(), rp.ends_on),
                       (select count(distinct m.person_id) from unit_closure c join membership m on m.unit_id = c.descendant_id
                        and m.in_target and m.valid_to is null where c.ancestor_id = ?), ?, ?
                from reporting_period rp where rp.starts_on <= curdate() and rp.ends_on >= curdate()
                order by (rp.kind = 'ANNUAL') desc limit 1""", unitId, unitId, username, name);
    }

    private void load() {
        long started = System.nanoTime();
        Random random = new Random(2026);
        long city = unit("HUE", "Thành phố Huế", "CITY", null);

        long noiVu = unit("HUE-SNV", "Sở Nội vụ", "DEPARTMENT", city);
        long yTe = unit("HUE-SYT", "Sở Y tế", "DEPARTMENT", city);
        long giaoDuc = unit("HUE-SGDDT", "Sở Giáo dục và Đào tạo", "DEPARTMENT", city);
        long congAn = unit("HUE-CATP", "Công an thành phố", "DEPARTMENT", city);
        long phuNu = unit("HUE-HLHPN", "Hội Liên hiệp Phụ nữ thành phố", "DEPARTMENT", city);
        long tuPhap = unit("HUE-STP", "Sở Tư pháp", "DEPARTMENT", city);
        long ctxh = unit("HUE-SYT-CTXH", "Trung tâm Công tác xã hội thành phố", "SOCIAL_ASSISTANCE", yTe);
        long baoTro = unit("HUE-SYT-BTXH", "Cơ sở Bảo trợ xã hội thành phố", "SOCIAL_ASSISTANCE", yTe);
        long trgp = unit("HUE-STP-TGPL", "Trung tâm Trợ giúp pháp lý nhà nước", "OTHER", tuPhap);
        long thpt = unit("HUE-SGDDT-THPT1", "Trường THPT Hương Trà", "SCHOOL", giaoDuc);

        record Ward(String code, String name, String type, boolean shelter) {
        }
        List<Ward> wards = List.of(
                new Ward("LOC-AN", "Lộc An", "COMMUNE", true),
                new Ward("LONG-QUANG", "Long Quảng", "COMMUNE", false),
                new Ward("PHONG-DINH", "Phong Dinh", "WARD", false),
                new Ward("PHONG-QUANG", "Phong Quảng", "WARD", false),
                new Ward("HUONG-TRA", "Hương Trà", "WARD", true));
        List<long[]> wardUnits = new ArrayList<>(); // {ward, health, school, shelter?}
        for (Ward w : wards) {
            String prefix = w.type().equals("COMMUNE") ? "xã " : "phường ";
            long id = unit("HUE-" + w.code(), "UBND " + prefix + w.name(), w.type(), city);
            long health = unit("HUE-" + w.code() + "-TYT", "Trạm Y tế " + prefix + w.name(), "HEALTH_FACILITY", id);
            long school = unit("HUE-" + w.code() + "-THCS", "Trường THCS " + w.name(), "SCHOOL", id);
            long shelter = w.shelter()
                    ? unit("HUE-" + w.code() + "-DCTC", "Địa chỉ tin cậy – nhà tạm lánh " + w.name(), "SHELTER", id) : 0;
            wardUnits.add(new long[] {id, health, school, shelter});
        }
        units.rebuildClosure();

        People people = new People(jdbc, random);
        // Department and facility staff
        people.add(noiVu, 12, "CONG_CHUC", 0.7, "Chuyên viên phòng Bình đẳng giới");
        people.add(yTe, 8, "CONG_CHUC", 0.5, "Chuyên viên");
        people.add(ctxh, 18, "VIEN_CHUC", 0.95, "Nhân viên công tác xã hội");
        people.add(baoTro, 14, "NHAN_VIEN", 0.9, "Nhân viên chăm sóc");
        people.add(giaoDuc, 6, "CONG_CHUC", 0.5, "Chuyên viên");
        people.add(thpt, 10, "VIEN_CHUC", 0.6, "Giáo viên tư vấn học đường");
        people.add(congAn, 10, "CAN_BO", 0.6, "Cán bộ");
        people.add(phuNu, 10, "CAN_BO", 0.9, "Cán bộ Hội");
        people.add(trgp, 6, "VIEN_CHUC", 0.9, "Trợ giúp viên pháp lý");
        for (long[] w : wardUnits) {
            people.add(w[0], 4, "CAN_BO", 0.75, "Cán bộ");
            people.add(w[0], 8, "CONG_CHUC", 0.75, "Công chức Văn hóa – Xã hội");
            people.add(w[0], 22, "CONG_TAC_VIEN", 0.9, "Cộng tác viên công tác xã hội");
            people.add(w[1], 6, "VIEN_CHUC", 0.6, "Nhân viên y tế");
            people.add(w[2], 6, "VIEN_CHUC", 0.5, "Giáo viên");
            if (w[3] != 0) {
                people.add(w[3], 4, "CONG_TAC_VIEN", 1.0, "Tình nguyện viên địa chỉ tin cậy");
            }
        }

        long adminPerson = people.named(noiVu, "Trần Thị Hồng Nhung", "F", 1982, "CONG_CHUC", false, "Phó Trưởng phòng", TREE_FROM);
        long trainerPerson = people.named(ctxh, "Nguyễn Văn Thành", "M", 1979, "VIEN_CHUC", true, "Giảng viên, báo cáo viên", TREE_FROM);
        long managerLocAn = people.named(wardUnits.get(0)[0], "Hoàng Thị Mai", "F", 1986, "CONG_CHUC", true,
                "Công chức Văn hóa – Xã hội", TREE_FROM);
        long managerPhongDinh = people.named(wardUnits.get(2)[0], "Lê Văn Quang", "M", 1984, "CONG_CHUC", true,
                "Công chức Văn hóa – Xã hội", TREE_FROM);
        long learner = people.named(wardUnits.get(0)[0], "Phạm Thị Thu Hà", "F", 1995, "CONG_TAC_VIEN", true,
                "Cộng tác viên công tác xã hội", TREE_FROM);

        account("quantri", "Trần Thị Hồng Nhung", adminPerson, EnumSet.of(Role.ADMIN), Set.of(), "Quantri#2026");
        account("giangvien", "Nguyễn Văn Thành", trainerPerson, EnumSet.of(Role.TRAINER, Role.LEARNER), Set.of(), "Giangday#2026");
        account("quanly.locan", "Hoàng Thị Mai", managerLocAn, EnumSet.of(Role.UNIT_MANAGER, Role.LEARNER),
                Set.of(wardUnits.get(0)[0]), "Locan#2026hue");
        account("quanly.phongdinh", "Lê Văn Quang", managerPhongDinh, EnumSet.of(Role.UNIT_MANAGER, Role.LEARNER),
                Set.of(wardUnits.get(2)[0]), "Phongdinh#2026");
        account("hocvien", "Phạm Thị Thu Hà", learner, EnumSet.of(Role.LEARNER), Set.of(), "Hoctap#2026");
        attestRoster(wardUnits.get(0)[0], "quanly.locan", "Hoàng Thị Mai");
        settings.markDemoData();
        log.info("Demo data loaded: {} units, {} people, 5 accounts ({} ms)",
                jdbc.queryForObject("select count(*) from unit", Integer.class), people.count(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Demo completions across 2026, after the shipped courses were imported at start-up (they run
     * after this loader): online ones on the current versions, past training recorded as
     * imported, some of it from 2025 (before the programme's window, so it must not count). The
     * share trained differs by unit, so that some are above the 2026 milestone and some behind,
     * and dates lean towards the later months, so that the trend rises. hocvien has finished
     * the knowledge course.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void demoCompletions() {
        if (!loadedInThisRun) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            Map<String, Long> versionOf = new HashMap<>();
            Map<String, Long> courseOf = new HashMap<>();
            jdbc.query("select code, id, current_version_id from course", rs -> {
                courseOf.put(rs.getString(1), rs.getLong(2));
                versionOf.put(rs.getString(1), (Long) rs.getObject(3, Long.class));
            });
            if (!courseOf.containsKey("gbv-co-ban") || !courseOf.containsKey("gbv-ky-nang-tro-giup")) {
                log.info("Demo completions not added: the shipped courses were not imported");
                return;
            }
            List<String> inDepth = List.of("gbv-ky-nang-tro-giup", "gbv-ho-tro-phap-ly");
            // Share of the target population trained by late 2026, by the unit at the top of each branch.
            Map<String, Double> share = Map.ofEntries(Map.entry("HUE-LOC-AN", 0.42), Map.entry("HUE-LONG-QUANG", 0.10),
                    Map.entry("HUE-PHONG-DINH", 0.14), Map.entry("HUE-PHONG-QUANG", 0.30), Map.entry("HUE-HUONG-TRA", 0.26),
                    Map.entry("HUE-SNV", 0.50), Map.entry("HUE-SYT", 0.35), Map.entry("HUE-SGDDT", 0.12),
                    Map.entry("HUE-CATP", 0.18), Map.entry("HUE-HLHPN", 0.55), Map.entry("HUE-STP", 0.40));
            LocalDate last = LocalDate.now().isBefore(LocalDate.of(2026, 12, 31)) ? LocalDate.now() : LocalDate.of(2026, 12, 31);
            Random random = new Random(2030);
            record Member(long person, String unitCode, boolean inTarget) {
            }
            List<Member> members = jdbc.query("""
                    select m.person_id, u.code, m.in_target from membership m join unit u on u.id = m.unit_id
                    where m.valid_to is null order by m.person_id""",
                    (rs, i) -> new Member(rs.getLong(1), rs.getString(2), rs.getBoolean(3)));
            int count = 0;
            for (Member m : members) {
                double trained = share.entrySet().stream().filter(e -> m.unitCode().startsWith(e.getKey()))
                        .mapToDouble(Map.Entry::getValue).max().orElse(0.2) * (m.inTarget() ? 1.0 : 0.5);
                double roll = random.nextDouble();
                boolean pastRecord = random.nextDouble() < 0.12;
                if (pastRecord) {
                    // training recorded before the programme's window: kept, never counted
                    count += demoCompletion(m.person(), courseOf.get("gbv-co-ban"), null,
                            LocalDate.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28)), "IMPORT");
                }
                LocalDate knowledgeOn = demoDay(random, last);
                if (roll < trained) {
                    String second = inDepth.get(random.nextInt(inDepth.size()));
                    LocalDate secondOn = knowledgeOn.plusDays(7 + random.nextInt(40));
                    boolean online = pastRecord || random.nextDouble() < 0.7;
                    count += demoCompletion(m.person(), courseOf.get("gbv-co-ban"), online ? versionOf.get("gbv-co-ban") : null,
                            knowledgeOn, online ? "ONLINE" : "IMPORT");
                    count += demoCompletion(m.person(), courseOf.get(second), online ? versionOf.get(second) : null,
                            secondOn.isAfter(last) ? last : secondOn, online ? "ONLINE" : "IMPORT");
                } else if (roll < trained + 0.25) {
                    count += demoCompletion(m.person(), courseOf.get("gbv-co-ban"), versionOf.get("gbv-co-ban"), knowledgeOn, "ONLINE");
                } else if (roll < trained + 0.30) {
                    count += demoCompletion(m.person(), courseOf.get("gbv-ho-tro-phap-ly"), null, knowledgeOn, "IMPORT");
                }
            }
            Long learner = jdbc.queryForList("select person_id from app_user where username = 'hocvien'", Long.class)
                    .stream().findFirst().orElse(null);
            if (learner != null && jdbc.queryForObject("select count(*) from completion where person_id = ? and course_id = ?",
                    Integer.class, learner, courseOf.get("gbv-co-ban")) == 0) {
                count += demoCompletion(learner, courseOf.get("gbv-co-ban"), versionOf.get("gbv-co-ban"), LocalDate.of(2026, 3, 12), "ONLINE");
            }
            log.info("Demo completions added: {}", count);
        });
    }

    /** A day in 2026 up to {@code last}, more often in the later months (a rising trend). */
    private static LocalDate demoDay(Random random, LocalDate last) {
        LocalDate first = LocalDate.of(2026, 1, 5);
        long span = Math.max(1, last.toEpochDay() - first.toEpochDay());
        return first.plusDays((long) (span * Math.pow(random.nextDouble(), 0.8)));
    }

    private int demoCompletion(long person, long course, Long version, LocalDate on, String source) {
        if ("ONLINE".equals(source) && version == null) {
            source = "IMPORT";
        }
        return jdbc.update("""
                insert into completion (person_id, course_id, course_version_id, completed_on, score_percent, source, recorded_by)
                values (?, ?, ?, ?, ?, ?, 'demo')""", person, course, version, Date.valueOf(on),
                "ONLINE".equals(source) ? 80 + (int) (person % 21) : null, source);
    }

    private long unit(String code, String name, String type, Long parent) {
        jdbc.update("insert into unit (code, name, type, valid_from) values (?, ?, ?, ?)", code, name, type, Date.valueOf(TREE_FROM));
        long id = jdbc.queryForObject("select id from unit where code = ?", Long.class, code);
        if (parent != null) {
            jdbc.update("insert into unit_parent (unit_id, parent_id, valid_from) values (?, ?, ?)", id, parent, Date.valueOf(TREE_FROM));
        }
        return id;
    }

    private void account(String username, String name, long person, Set<Role> roles, Set<Long> scope, String password) {
        accounts.createWithPassword(new AccountService.NewAccount(username, name, person, roles, scope), password, false);
    }
}
