package vn.gbv.portal.audit;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridLazyDataView;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.gbv.portal.audit.AuditLog.AuditFilter;
import vn.gbv.portal.audit.AuditLog.AuditRow;
import vn.gbv.portal.audit.AuditLog.Entity;
import vn.gbv.portal.security.Role;

/**
 * "Nhật ký thay đổi": the audit trail for administrators, newest first, loaded a page at a time,
 * filtered by a person (the one who acted, or the one acted on), the kind of entity and dates.
 */
@Route("audit")
@RolesAllowed(Role.Names.ADMIN)
class AuditView extends Main implements HasDynamicTitle {

    final TextField person = new TextField();
    final Select<Entity> entity = new Select<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Grid<AuditRow> grid = new Grid<>();

    private final AuditLog audit;
    private final GridLazyDataView<AuditRow> rows;
    private final DateTimeFormatter when;

    AuditView(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.when = DateTimeFormatter.ofPattern(getTranslation("audit.time-format")).withZone(clock.getZone());
        addClassNames("page", "audit-view");

        person.setLabel(getTranslation("audit.filter.person"));
        person.setHelperText(getTranslation("audit.filter.person-helper"));
        person.setClearButtonVisible(true);
        person.setValueChangeMode(ValueChangeMode.LAZY);
        person.addValueChangeListener(e -> refresh());
        entity.setLabel(getTranslation("audit.filter.entity"));
        entity.setEmptySelectionAllowed(true);
        entity.setEmptySelectionCaption(getTranslation("audit.filter.any"));
        entity.setItems(Entity.values());
        entity.setItemLabelGenerator(t -> getTranslation(t == null ? "audit.filter.any" : t.translationKey()));
        entity.addValueChangeListener(e -> refresh());
        from.setLabel(getTranslation("audit.filter.from"));
        to.setLabel(getTranslation("audit.filter.to"));
        for (DatePicker date : List.of(from, to)) {
            date.setLocale(getLocale());
            date.setClearButtonVisible(true);
            date.addValueChangeListener(e -> refresh());
        }
        Div toolbar = new Div(person, entity, from, to);
        toolbar.addClassName("toolbar");

        grid.addColumn(this::what).setKey("what").setHeader(getTranslation("audit.column.what")).setFlexGrow(2);
        grid.addColumn(AuditView::change).setKey("change").setHeader(getTranslation("audit.column.change"))
                .setFlexGrow(3);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("audit.empty"));
        grid.addClassName("audit-grid");
        rows = grid.setItems(
                query -> audit.search(filter(), query.getOffset(), query.getLimit()).stream(),
                query -> audit.count(filter()));
        rows.setIdentifierProvider(AuditRow::id);
        add(toolbar, grid);
    }

    AuditFilter filter() {
        return new AuditFilter(person.getValue(), entity.getValue(), from.getValue(), to.getValue());
    }

    /**
     * e.g. "Sửa thông tin người · Nguyễn Văn A · bởi admin, 05/03/2025 09:30": who and when share
     * the column with what was done, so that two wrapped columns stay readable on a 390 px phone.
     */
    String what(AuditRow row) {
        String action = getTranslation("audit.action." + row.action());
        return Stream.of(action, row.entityLabel(), getTranslation("audit.by", row.actor(), when.format(row.occurredAt())))
                .filter(Objects::nonNull).collect(Collectors.joining(" · "));
    }

    static String change(AuditRow row) {
        if (row.beforeValue() == null) {
            return Objects.requireNonNullElse(row.afterValue(), "");
        }
        return row.beforeValue() + " → " + Objects.requireNonNullElse(row.afterValue(), "—");
    }

    private void refresh() {
        rows.refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }
}
