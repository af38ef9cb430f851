package vn.gbv.portal.coverage;

import vn.gbv.portal.i18n.LocalDates;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.coverage.CoverageQueries.Untrained;
import vn.gbv.portal.coverage.CoverageQueries.UntrainedFilter;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.StaffCategory;

/**
 * "Why behind": from a unit, the people of the target population not trained at the date, each
 * with what they lack and since when they are in the unit; filtered, exported to XLSX.
 */
@Route("coverage/:code/behind")
@RolesAllowed({Role.Names.UNIT_MANAGER, Role.Names.ADMIN})
class WhyBehindView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final CoverageService coverage;
    final Paragraph problem = new Paragraph();
    final Paragraph summary = new Paragraph();
    final TextField name = new TextField();
    final Select<String> lacks = new Select<>();
    final Grid<Untrained> people = new Grid<>();
    final Anchor export = new Anchor();
    final Div content = new Div();
    private String code;
    private LocalDate asOf;
    private ProgrammeSettings rule;

    WhyBehindView(CoverageService coverage) {
        this.coverage = coverage;
        addClassNames("page", "why-behind-view");
        problem.addClassName("form-problem");
        problem.setVisible(false);
        name.setLabel(getTranslation("coverage.behind.name-filter"));
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.setClearButtonVisible(true);
        name.addValueChangeListener(e -> refresh());
        lacks.setLabel(getTranslation("coverage.behind.lacks-filter"));
        lacks.setEmptySelectionAllowed(true);
        lacks.setEmptySelectionCaption(getTranslation("coverage.behind.any"));
        lacks.setItemLabelGenerator(g -> g == null ? getTranslation("coverage.behind.any") : groupLabel(g));
        lacks.addValueChangeListener(e -> refresh());
        // Name, unit and what is lacking stacked in one cell, so that a phone shows all three.
        people.addComponentColumn(u -> {
                    Span who = new Span(u.fullName());
                    who.addClassName("behind-name");
                    Span where = new Span(u.unitName());
                    where.addClassName("behind-unit");
                    Span lack = new Span(lackText(u));
                    lack.addClassName("behind-lack");
                    Div cell = new Div(who, where, lack);
                    cell.addClassName("behind-cell");
                    return cell;
                }).setHeader(getTranslation("coverage.behind.name") + " · " + getTranslation("coverage.unit") + " · "
                        + getTranslation("coverage.behind.lacks")).setKey("person").setFlexGrow(4);
        people.addColumn(u -> getTranslation(u.category().translationKey())).setHeader(getTranslation("coverage.behind.category")).setKey("category");
        people.addColumn(u -> LocalDates.format(this, u.inUnitSince())).setHeader(getTranslation("coverage.behind.since")).setKey("since");
        people.addClassName("why-behind-grid");
        people.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        export.setText(getTranslation("coverage.behind.export"));
        export.addClassName("coverage-link");
        Div filters = new Div(name, lacks, export);
        filters.addClassName("toolbar");
        content.add(summary, filters, people);
        add(problem, content);
        addAttachListener(attach -> attach.getUI().getPage().retrieveExtendedClientDetails(details -> {
            boolean wide = details.getWindowInnerWidth() >= 600;
            people.getColumnByKey("category").setVisible(wide);
            people.getColumnByKey("since").setVisible(wide);
        }));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        code = event.getRouteParameters().get("code").orElse("");
        String dateParam = event.getLocation().getQueryParameters().getSingleParameter("date").orElse(null);
        problem.setVisible(false);
        content.setVisible(false);
        try {
            asOf = dateParam == null || dateParam.isBlank() ? coverage.today() : LocalDate.parse(dateParam.strip());
        } catch (DateTimeParseException e) {
            refuse(getTranslation("coverage.error.bad-date", dateParam));
            return;
        }
        try {
            rule = coverage.ruleFor(code, asOf);
            CoverageService.CoverageUnit unit = coverage.unit(code);
            removeAll();
            H2 title = new H2(unit.name());
            Anchor back = new Anchor("coverage/" + unit.code() + "?date=" + asOf, getTranslation("coverage.behind.back"));
            // plan a class for the people listed here (the class page offers them as "not yet trained")
            Anchor openClass = new Anchor("classes/new?unit=" + java.net.URLEncoder.encode(unit.code(), java.nio.charset.StandardCharsets.UTF_8),
                    getTranslation("coverage.behind.open-class"));
            openClass.addClassName("open-class-link");
            Div links = new Div(back, openClass);
            links.addClassName("toolbar");
            add(title, links, problem, content);
            List<String> groups = new ArrayList<>(rule.requiredGroups());
            lacks.setItems(groups);
            content.setVisible(true);
            refresh();
        } catch (RefusedException e) {
            Object[] args = Arrays.stream(e.args()).map(a -> a instanceof LocalDate d ? LocalDates.format(this, d) : a).toArray();
            refuse(getTranslation(e.messageKey(), args));
        }
    }

    private void refuse(String message) {
        problem.setText(message);
        problem.setVisible(true);
        content.setVisible(false);
    }

    UntrainedFilter filter() {
        return new UntrainedFilter(name.getValue(), lacks.getValue());
    }

    private void refresh() {
        if (rule == null) {
            return;
        }
        UntrainedFilter filter = filter();
        int count = coverage.untrainedCount(code, asOf, filter);
        summary.setText(getTranslation("coverage.behind.intro", coverage.unit(code).name(), LocalDates.format(this, asOf), count));
        export.setHref(exportHandler());
        people.setItems(query -> coverage.untrained(code, asOf, filter, query.getOffset(), query.getLimit()).stream(),
                query -> coverage.untrainedCount(code, asOf, filter));
    }

    /** What the person lacks: each missing required group, and whether they started one of its courses. */
    String lackText(Untrained u) {
        return rule.requiredGroups().stream().filter(g -> !u.satisfiedGroups().contains(g))
                .map(g -> getTranslation(u.startedGroups().contains(g) ? "coverage.lack.started" : "coverage.lack.none-yet", groupLabel(g)))
                .collect(Collectors.joining("; "));
    }

    private String groupLabel(String code) {
        String key = "coverage.group." + code;
        String label = getTranslation(key);
        return label.startsWith("!") ? code : label;
    }

    private DownloadHandler exportHandler() {
        String unitCode = code;
        LocalDate date = asOf;
        UntrainedFilter filter = filter();
        Map<String, String> words = new HashMap<>();
        for (StaffCategory c : StaffCategory.values()) {
            words.put(c.name(), getTranslation(c.translationKey()));
        }
        words.put("F", getTranslation("people.sex.F"));
        words.put("M", getTranslation("people.sex.M"));
        Map<String, String> lackWords = new HashMap<>();
        for (String g : rule.requiredGroups()) {
            lackWords.put("none:" + g, getTranslation("coverage.lack.none-yet", groupLabel(g)));
            lackWords.put("started:" + g, getTranslation("coverage.lack.started", groupLabel(g)));
        }
        List<String> required = List.copyOf(rule.requiredGroups());
        UntrainedWorkbook.Labels labels = new UntrainedWorkbook.Labels(getTranslation("coverage.behind.title").replace("?", ""),
                List.of(getTranslation("coverage.behind.name"), getTranslation("coverage.behind.unit-code"),
                        getTranslation("coverage.unit"), getTranslation("coverage.behind.sex"),
                        getTranslation("coverage.behind.category"), getTranslation("coverage.behind.lacks"),
                        getTranslation("coverage.behind.started"), getTranslation("coverage.behind.since"),
                        getTranslation("coverage.behind.days")),
                u -> required.stream().filter(g -> !u.satisfiedGroups().contains(g))
                        .map(g -> lackWords.get((u.startedGroups().contains(g) ? "started:" : "none:") + g))
                        .collect(Collectors.joining("; ")),
                u -> words.get(u.category().name()), u -> words.get(u.sex()),
                getTranslation("coverage.behind.yes"), getTranslation("coverage.behind.no"));
        return event -> {
            event.setFileName("chua-tap-huan-" + unitCode + "-" + date + ".xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            coverage.exportUntrained(unitCode, date, filter, labels, event.getOutputStream());
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("coverage.behind.title");
    }
}
