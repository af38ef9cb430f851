package vn.gbv.portal.report;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The reports of the demo city, added after its completions: Lộc An's 2026 report has a draft
 * text, ready to preview and submit; Phong Dinh has already submitted (as its manager, so the
 * trail says who), so the administrator's consolidation shows one unit submitted and the rest
 * missing.
 */
@Component
public class ReportDemo {

    private final ReportService reports;
    private final JdbcTemplate jdbc;

    ReportDemo(ReportService reports, JdbcTemplate jdbc) {
        this.reports = reports;
        this.jdbc = jdbc;
    }

    public void load() {
        Integer periods = jdbc.queryForObject("select count(*) from reporting_period where code = '2026'", Integer.class);
        Integer accounts = jdbc.queryForObject("select count(*) from app_user where username in ('quanly.locan', 'quanly.phongdinh')",
                Integer.class);
        if (periods == null || periods == 0 || accounts == null || accounts < 2) {
            return;
        }
        as("quanly.locan", () -> reports.saveDraft("2026", "HUE-LOC-AN", new ReportContent.Texts(
                "Tổ chức 2 đợt tập huấn trực tuyến cho công chức Văn hóa – Xã hội và cộng tác viên công tác xã hội; "
                        + "hưởng ứng Tháng hành động quốc gia về bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới.",
                "Phần lớn cộng tác viên đã hoàn thành khóa kiến thức cơ bản; nhiều người đang học khóa chuyên sâu.",
                "Một số cộng tác viên ở thôn xa chưa có điện thoại thông minh, khó học trực tuyến.",
                "Đề nghị Sở Nội vụ tổ chức một lớp tập huấn trực tiếp về kỹ năng trợ giúp tại xã trong quý I năm 2027.",
                "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "Nguyễn Văn An")));
        Long phongDinh = jdbc.queryForList("select id from unit where code = 'HUE-PHONG-DINH'", Long.class).stream().findFirst().orElse(null);
        if (phongDinh != null) {
            jdbc.update("""
                    insert into roster_attestation (unit_id, period_id, as_of, population, attested_by, attested_name)
                    select ?, id, '2026-11-20', (select count(*) from membership m join unit_closure c on c.descendant_id = m.unit_id
                      where c.ancestor_id = ? and m.in_target and m.valid_to is null), 'quanly.phongdinh', 'Lê Văn Quang'
                    from reporting_period where code = '2026'""", phongDinh, phongDinh);
            as("quanly.phongdinh", () -> {
                reports.saveDraft("2026", "HUE-PHONG-DINH", new ReportContent.Texts(
                        "Phối hợp Hội Liên hiệp Phụ nữ tuyên truyền tại các tổ dân phố; cử công chức tham gia tập huấn trực tuyến.",
                        "Đã có cán bộ, công chức và cộng tác viên hoàn thành chương trình; tỷ lệ còn thấp so với mốc năm.",
                        "Cộng tác viên thay đổi nhiều trong năm.",
                        "Đề nghị bổ sung tài liệu hướng dẫn bằng video ngắn.",
                        "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Trần Thị Bích"));
                reports.submit("2026", "HUE-PHONG-DINH");
            });
        }
    }

    private static void as(String username, Runnable work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority("ROLE_UNIT_MANAGER"))));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
