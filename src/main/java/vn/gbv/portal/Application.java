package vn.gbv.portal;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The training portal of the programme on the prevention of and response to gender-based
 * violence (Decision 625/QĐ-TTg, 2026–2030).
 */
@SpringBootApplication
@EnableScheduling
// Vaadin 25 applies no theme by default; Lumo plus our own CSS, both without an npm build.
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/app.css")
@Meta(name = "theme-color", content = "#7b1fa2")
@PWA(name = "Cổng tập huấn phòng, chống bạo lực trên cơ sở giới", shortName = "Tập huấn BLG", offlineResources = {})
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
