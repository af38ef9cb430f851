package vn.gbv.portal.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.coverage.CoverageService.UnitFigures;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.UnitService;

/** The dashboard and the drill-down without a browser, on the hand-built city, as ward A's manager. */
@SpringBootTest
@Transactional
@WithMockUser(username = "view-manager-a", roles = {"UNIT_MANAGER", "LEARNER"})
class CoverageViewTest extends SpringBrowserlessTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired UnitService units;

    HandBuiltCity city;

    // The accounts must exist before the browserless UI opens, as the shell reads the signed-in user.
    @BeforeAll
    static void accounts(@Autowired JdbcTemplate jdbc, @Autowired UnitService units) {
        CoverageTestData data = new CoverageTestData(jdbc, units);
        data.account("view-manager-a", Set.of(Role.UNIT_MANAGER, Role.LEARNER));
        data.account("view-admin", Set.of(Role.ADMIN));
    }

    @BeforeEach
    void city() {
        city = new HandBuiltCity(new CoverageTestData(jdbc, units));
        jdbc.update("insert into manager_scope (user_id, unit_id) select id, ? from app_user where username = 'view-manager-a'", city.a);
    }

    private <T extends com.vaadin.flow.component.Component> T open(String location, Class<T> view) {
        String[] parts = location.split("\\?", 2);
        com.vaadin.flow.component.UI.getCurrent().navigate(parts[0], parts.length == 1
                ? com.vaadin.flow.router.QueryParameters.empty()
                : com.vaadin.flow.router.QueryParameters.fromString(parts[1]));
        return view.cast(getCurrentView());
    }

    @Test
    void theDashboardShowsTheWardsFiguresStatusTreeAndChart() {
        CoverageView view = open("coverage/" + city.code(city.a) + "?date=2026-06-30", CoverageView.class);

        assertThat(view.problem.isVisible()).isFalse();
        assertThat(texts(view, "figure-value")).containsExactly("10", "3", "30%");
        assertThat(statusWords(view)).contains("Đạt mốc");
        // 30% against a 20% milestone: the forecast says it is reached, not "in <this month>"
        assertThat(find(Paragraph.class).from(view).all()).filteredOn(p -> p.hasClassName("coverage-forecast"))
                .singleElement().satisfies(p -> assertThat(p.getText()).contains("mốc 20% đã đạt"));
        assertThat(find(Html.class).from(view).all()).anySatisfy(h -> assertThat(h.getInnerHtml()).contains("<path"));
        var tree = ((TreeDataProvider<UnitFigures>) view.units.getDataProvider()).getTreeData();
        assertThat(tree.getRootItems()).extracting(u -> u.unit().id()).containsExactly(city.a);
        assertThat(tree.getChildren(tree.getRootItems().getFirst())).extracting(u -> u.unit().id(), UnitFigures::figures)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(city.a1, new Figures(3, 1)));
        assertThat(view.date.getValue()).isEqualTo(HandBuiltCity.D1);
    }

    @Test
    void anotherUnitsCodeAWrongDateOrAnUnknownCodeShowAMessageAndNoFigures() {
        assertRefusal("coverage/" + city.code(city.c), "không thuộc phạm vi bạn quản lý");
        assertRefusal("coverage/" + city.code(city.a) + "?date=2025-12-31", "nằm ngoài thời kỳ của chương trình");
        assertRefusal("coverage/" + city.code(city.a) + "?date=30-06-2026", "không hợp lệ");
        assertRefusal("coverage/KHONG-CO", "Không có đơn vị nào mang mã");
        assertRefusal("coverage/" + city.code(city.c) + "/behind?date=2026-06-30", "không thuộc phạm vi bạn quản lý");
    }

    @Test
    void theDrillDownListsWhoLacksWhatAndFilters() {
        WhyBehindView view = open("coverage/" + city.code(city.a) + "/behind?date=2026-06-30", WhyBehindView.class);

        assertThat(view.problem.isVisible()).isFalse();
        assertThat(names(view)).containsExactlyInAnyOrder("Trần Văn Hai", "Lê Thị Ba", "Hoàng Văn Năm", "Võ Thị Sáu",
                "Đặng Thị Bảy", "Hồ Văn Mười", "Ngô Thị Mười Một");
        var p3 = view.people.getGenericDataView().getItems().filter(u -> u.personId() == city.p[3]).findFirst().orElseThrow();
        assertThat(view.lackText(p3)).isEqualTo("Đang học khóa kiến thức, chưa xong");

        test(view.lacks).selectItem("khóa kiến thức");
        assertThat(names(view)).containsExactlyInAnyOrder("Lê Thị Ba", "Hoàng Văn Năm", "Hồ Văn Mười");
        test(view.name).setValue("Năm");
        assertThat(names(view)).containsExactly("Hoàng Văn Năm");
        assertThat(view.summary.getText()).contains(": 1 người");
    }

    @Test
    @WithMockUser(username = "view-admin", roles = "ADMIN")
    void anAdministratorSeesTheCityWithTheMergedCommuneOnItsDate() {
        CoverageView view = open("coverage/" + city.code(city.c) + "?date=2026-06-30", CoverageView.class);

        assertThat(texts(view, "figure-value")).containsExactly("17", "7", "41,2%");
        var tree = ((TreeDataProvider<UnitFigures>) view.units.getDataProvider()).getTreeData();
        assertThat(tree.getChildren(tree.getRootItems().getFirst())).extracting(u -> u.unit().id())
                .containsExactlyInAnyOrder(city.a, city.b, city.s);
    }

    @Test
    @WithMockUser(username = "view-admin", roles = "ADMIN")
    void anAdministratorChangesTheSettingsFromADateAndEarlierFiguresKeepTheOldRule() {
        ProgrammeSettingsView view = open("coverage/settings", ProgrammeSettingsView.class);
        assertThat(view.milestones.keySet()).containsExactly(2026, 2027, 2028, 2029, 2030);
        assertThat(view.milestones.get(2026).getValue()).isEqualByComparingTo("20");
        int rules = view.history.getGenericDataView().getItems().toList().size();

        view.from.setValue(java.time.LocalDate.of(2026, 1, 1));
        test(view.save).click();
        assertThat(view.problem.isVisible()).isTrue();
        assertThat(view.problem.getText()).contains("phải sau ngày bắt đầu của quy định gần nhất (01/01/2026)");

        view.milestones.get(2026).setValue(new java.math.BigDecimal("35"));
        view.from.setValue(java.time.LocalDate.of(2026, 6, 1));
        test(view.save).click();
        assertThat(view.problem.isVisible()).isFalse();
        assertThat(view.history.getGenericDataView().getItems().toList()).hasSize(rules + 1);

        // 3 of 10 (30%) in ward A on both dates: on track against 20% on 31 May, behind 35% from 1 Jun.
        CoverageView before = open("coverage/" + city.code(city.a) + "?date=2026-05-31", CoverageView.class);
        assertThat(statusWords(before)).first().isEqualTo("Đạt mốc");
        CoverageView after = open("coverage/" + city.code(city.a) + "?date=2026-06-30", CoverageView.class);
        assertThat(texts(after, "figure-value")).containsExactly("10", "3", "30%");
        assertThat(statusWords(after)).first().isEqualTo("Chậm");
    }

    private void assertRefusal(String location, String words) {
        Object view = location.endsWith("/behind?date=2026-06-30") ? open(location, WhyBehindView.class)
                : open(location, CoverageView.class);
        var problem = view instanceof CoverageView c ? c.problem : ((WhyBehindView) view).problem;
        assertThat(problem.isVisible()).as(location).isTrue();
        assertThat(problem.getText()).as(location).contains(words);
        if (view instanceof CoverageView c) {
            assertThat(texts(c, "figure-value")).as(location).isEmpty();
        } else {
            assertThat(((WhyBehindView) view).content.isVisible()).isFalse();
        }
    }

    private List<String> names(WhyBehindView view) {
        return view.people.getGenericDataView().getItems().map(CoverageQueries.Untrained::fullName).toList();
    }

    private List<String> texts(CoverageView view, String className) {
        return find(Span.class).from(view).all().stream().filter(s -> s.hasClassName(className)).map(Span::getText).toList();
    }

    private List<String> statusWords(CoverageView view) {
        return find(Span.class).from(view).all().stream().filter(s -> s.hasClassName("coverage-status")).map(Span::getText).toList();
    }
}
