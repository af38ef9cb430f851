package vn.gbv.portal;

import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.gbv.portal.course.CourseImportService;

/** Imports the repository's courses/ as an administrator would (unchanged courses are skipped). */
public final class ShippedCourses {

    private ShippedCourses() {
    }

    public static void importAsAdministrator(CourseImportService importer) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext admin = SecurityContextHolder.createEmptyContext();
        admin.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("t-admin", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        SecurityContextHolder.setContext(admin);
        try {
            importer.importNow();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
