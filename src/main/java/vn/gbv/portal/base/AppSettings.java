package vn.gbv.portal.base;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Settings of this deployment (table app_setting), e.g. whether it holds the demo city. */
@Service
public class AppSettings {

    static final String DEMO_DATA = "demo_data";

    private final JdbcTemplate jdbc;
    /** Once demo data is loaded it stays; a database without it is asked again (a primary-key read). */
    private volatile boolean demoData;

    AppSettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the demo city was loaded: every page says so. Open to anonymous callers (the login page). */
    @OpenToAnyCaller("the login page shows the demo badge before anyone signs in")
    public boolean isDemoData() {
        if (!demoData) {
            List<String> value = jdbc.queryForList("select value from app_setting where name = ?", String.class, DEMO_DATA);
            demoData = !value.isEmpty() && Boolean.parseBoolean(value.getFirst());
        }
        return demoData;
    }

    /** Records that the demo city was loaded (called by the loader at start-up, no user involved). */
    @Transactional
    @OpenToAnyCaller("the demo-data loader calls it at start-up, with nobody signed in")
    public void markDemoData() {
        jdbc.update("""
                insert into app_setting (name, value) values (?, 'true')
                on duplicate key update value = 'true', updated_at = current_timestamp(3)
                """, DEMO_DATA);
        demoData = true;
    }
}
