package vn.gbv.portal.unit;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.treegrid.TreeGrid;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.UnitService.UnitNode;

@SpringBootTest
class UnitTreeViewTest extends SpringBrowserlessTest {

    private static final LocalDate START = LocalDate.of(2021, 1, 1);

    @Autowired JdbcTemplate jdbc;

    static long city;
    static long wardA;
    static long wardB;

    // The accounts must exist before the browserless UI opens, as the shell reads the signed-in user.
    @BeforeAll
    static void treeAndAccounts(@Autowired JdbcTemplate jdbc, @Autowired UnitService units) {
        TestData data = new TestData(jdbc, units);
        city = data.unit("Thành phố Buôn Ma Thuột thử", UnitType.CITY, null, START);
        wardA = data.unit("Phường Tân An", UnitType.WARD, city, START);
        wardB = data.unit("Phường Ea Tam", UnitType.WARD, city, START);
        data.account("tree-view-admin", Set.of(Role.ADMIN));
        data.account("tree-view-manager", Set.of(Role.UNIT_MANAGER), wardA);
    }

    @Test
    @WithMockUser(username = "tree-view-admin", roles = "ADMIN")
    void theAdministratorSeesTheTreeAndAddsAUnitThroughTheDialog() {
        navigate(UnitTreeView.class);
        GridTester<Grid<UnitNode>, UnitNode> tree = test(treeGrid());
        int cityRow = rowOf(tree, city);

        tree.select(cityRow);
        test(button("unit.action.add")).click();
        UnitChangeDialog dialog = find(UnitChangeDialog.class).single();
        assertThat(dialog.other.getValue().id()).isEqualTo(city);
        String code = TestData.code("TYT");
        test(dialog.code).setValue(code);
        test(dialog.name).setValue("Trạm Y tế phường Tân Lợi");
        test(dialog.type).selectItem(treeGrid().getTranslation(UnitType.HEALTH_FACILITY.translationKey()));
        test(dialog.date).setValue(LocalDate.of(2025, 7, 1));
        test(dialog.save).click();

        assertThat(find(UnitChangeDialog.class).exists()).isFalse();
        assertThat(jdbc.queryForMap("""
                select u.name, u.type, p.parent_id from unit u join unit_parent p on p.unit_id = u.id where u.code = ?
                """, code)).isEqualTo(Map.of("name", "Trạm Y tế phường Tân Lợi", "type", "HEALTH_FACILITY",
                "parent_id", city));
        treeGrid().expand(tree.getRow(rowOf(tree, city)));
        assertThat(IntStream.range(0, tree.size()).mapToObj(tree::getRow).map(UnitNode::name))
                .contains("Trạm Y tế phường Tân Lợi", "Phường Tân An", "Phường Ea Tam");
    }

    @Test
    @WithMockUser(username = "tree-view-admin", roles = "ADMIN")
    void aMoveUnderTheUnitItselfShowsTheRuleOnTheField() {
        navigate(UnitTreeView.class);
        GridTester<Grid<UnitNode>, UnitNode> tree = test(treeGrid());
        treeGrid().expand(tree.getRow(rowOf(tree, city)));
        UnitNode ward = tree.getRow(rowOf(tree, wardA));

        tree.select(rowOf(tree, wardA));
        test(button("unit.action.move")).click();
        UnitChangeDialog dialog = find(UnitChangeDialog.class).single();
        test(dialog.other).selectItem(ward.name() + " (" + ward.code() + ")");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.other.isInvalid()).isTrue();
        assertThat(dialog.other.getErrorMessage())
                .isEqualTo("Không thể chuyển một đơn vị vào chính nó hoặc vào đơn vị trực thuộc của nó.");
        assertThat(jdbc.queryForObject("select count(*) from unit_parent where unit_id = ?", Integer.class, wardA))
                .isEqualTo(1);
    }

    @Test
    @WithMockUser(username = "tree-view-manager", roles = "UNIT_MANAGER")
    void aUnitManagerSeesOnlyTheirScopeReadOnly() {
        navigate(UnitTreeView.class);
        GridTester<Grid<UnitNode>, UnitNode> tree = test(treeGrid());

        assertThat(tree.size()).isEqualTo(1);
        assertThat(tree.getRow(0).id()).isEqualTo(wardA);
        assertThat(findInView(Button.class).all()).isEmpty();
        assertThat(findInView(Paragraph.class).withText(treeGrid().getTranslation("unit.read-only")).exists()).isTrue();
    }

    // Views are found through the UI, not through fields: Spring proxies a view for its @RolesAllowed.
    @SuppressWarnings("unchecked")
    private TreeGrid<UnitNode> treeGrid() {
        return findInView(TreeGrid.class).single();
    }

    private Button button(String key) {
        return findInView(Button.class).withText(treeGrid().getTranslation(key)).single();
    }

    private static int rowOf(GridTester<Grid<UnitNode>, UnitNode> tree, long unitId) {
        return IntStream.range(0, tree.size()).filter(i -> tree.getRow(i).id() == unitId).findFirst().orElseThrow();
    }
}
