package vn.gbv.portal.shell;

import vn.gbv.portal.base.AppSettings;
import vn.gbv.portal.base.DemoBadge;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;
import vn.gbv.portal.i18n.LanguageSwitch;
import vn.gbv.portal.security.AccountService;
import vn.gbv.portal.security.CurrentUser;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.security.SignedInUser;

/**
 * The shell around every signed-in page: navigation by role (paths, not view classes, so that
 * the shell depends on no feature), the user's name, language, password and logout.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final H1 viewTitle = new H1();

    MainLayout(CurrentUser currentUser, AuthenticationContext authentication, AccountService accounts, AppSettings settings) {
        setPrimarySection(Section.DRAWER);
        SignedInUser user = currentUser.require();

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.menu"));
        viewTitle.addClassName("view-title");
        addToNavbar(true, toggle, viewTitle);
        if (settings.isDemoData()) {
            addToNavbar(true, new DemoBadge());
        }

        Span appName = new Span(getTranslation("app.short-title"));
        appName.addClassName("app-name");
        Header drawerHeader = new Header(appName);
        drawerHeader.addClassName("drawer-header");

        Scroller scroller = new Scroller(navigation(user));
        scroller.addClassName("drawer-nav");

        Span who = new Span(user.displayName());
        who.addClassName("user-name");
        Span roles = new Span(user.roles().stream().sorted()
                .map(r -> getTranslation(r.translationKey())).collect(Collectors.joining(", ")));
        roles.addClassName("user-roles");
        Button password = new Button(getTranslation("nav.change-password"),
                e -> getUI().ifPresent(ui -> ui.navigate("account/password")));
        password.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Button logout = new Button(getTranslation("nav.logout"), VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        logout.addClassName("logout");
        LanguageSwitch language = new LanguageSwitch().onChange(() -> accounts.savePreferredLocale(
                com.vaadin.flow.server.VaadinSession.getCurrent().getLocale()));
        Footer footer = new Footer(new Div(who, roles), language, new Div(password, logout));
        footer.addClassName("drawer-footer");

        addToDrawer(drawerHeader, scroller, footer);
    }

    private SideNav navigation(SignedInUser user) {
        SideNav nav = new SideNav();
        nav.setLabel(getTranslation("nav.label"));
        nav.addItem(item("nav.home", "", VaadinIcon.HOME));
        if (user.has(Role.LEARNER) || user.has(Role.TRAINER)) {
            nav.addItem(item("nav.catalogue", "courses", VaadinIcon.BOOK));
        }
        if (user.has(Role.LEARNER)) {
            nav.addItem(item("nav.my-learning", "my-learning", VaadinIcon.ACADEMY_CAP));
        }
        if (user.has(Role.TRAINER) || user.isAdmin()) {
            nav.addItem(item("nav.course-admin", "course-admin", VaadinIcon.FILE_TEXT));
            nav.addItem(item("nav.authoring", "authoring", VaadinIcon.EDIT));
            nav.addItem(item("nav.quiz-grants", "quiz-attempts", VaadinIcon.PLUS_CIRCLE));
        }
        if (user.has(Role.TRAINER) || user.has(Role.UNIT_MANAGER) || user.isAdmin()) {
            nav.addItem(item("nav.classes", "classes", VaadinIcon.GROUP));
        }
        if (user.has(Role.UNIT_MANAGER) || user.isAdmin()) {
            nav.addItem(item("nav.units", "units", VaadinIcon.SITEMAP));
            nav.addItem(item("nav.people", "people", VaadinIcon.USERS));
            nav.addItem(item("nav.coverage", "coverage", VaadinIcon.CHART));
            nav.addItem(item("nav.certificates", "certificates", VaadinIcon.DIPLOMA));
            nav.addItem(item("nav.past-training", "imports/completions", VaadinIcon.UPLOAD));
            nav.addItem(item("nav.reports", "reports", VaadinIcon.FILE_TEXT_O));
        }
        if (user.isAdmin()) {
            nav.addItem(item("nav.consolidation", "reports/consolidation", VaadinIcon.FILE_TREE));
            nav.addItem(item("nav.accounts", "admin/accounts", VaadinIcon.KEY));
            nav.addItem(item("nav.audit", "audit", VaadinIcon.CLIPBOARD_TEXT));
        }
        return nav;
    }

    private SideNavItem item(String key, String path, VaadinIcon icon) {
        return new SideNavItem(getTranslation(key), path, icon.create());
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String title = getContent() instanceof HasDynamicTitle t ? t.getPageTitle() : "";
        viewTitle.setText(title);
    }
}
