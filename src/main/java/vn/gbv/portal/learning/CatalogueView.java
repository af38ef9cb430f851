package vn.gbv.portal.learning;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import vn.gbv.portal.learning.ProgressService.CourseStatus;
import vn.gbv.portal.learning.ProgressService.Status;
import vn.gbv.portal.security.Role;

/** The course catalogue: search, filter by topic and by the learner's status. */
@Route("courses")
@RolesAllowed({Role.Names.LEARNER, Role.Names.TRAINER})
class CatalogueView extends Main implements HasDynamicTitle {

    static final List<String> TOPICS = List.of("gbv-basics", "social-work", "legal", "digital-safety", "workplace", "self-care");

    final TextField search = new TextField();
    final Select<String> topic = new Select<>();
    final Select<Status> status = new Select<>();
    final Div cards = new Div();
    private final List<CourseStatus> courses;

    CatalogueView(ProgressService learning) {
        addClassNames("page", "catalogue-view");
        add(new H2(getTranslation("learning.catalogue.title")));
        if (!learning.hasLearnerProfile()) {
            courses = List.of();
            add(new Paragraph(getTranslation("learning.error.no-person")));
            return;
        }
        courses = learning.catalogue();

        search.setLabel(getTranslation("learning.catalogue.search"));
        search.setPlaceholder(getTranslation("learning.catalogue.search-placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        topic.setLabel(getTranslation("learning.catalogue.topic"));
        topic.setItems(TOPICS);
        topic.setEmptySelectionAllowed(true);
        topic.setEmptySelectionCaption(getTranslation("learning.catalogue.all-topics"));
        topic.setItemLabelGenerator(t -> t == null ? getTranslation("learning.catalogue.all-topics") : getTranslation("topic." + t));
        status.setLabel(getTranslation("learning.catalogue.status"));
        status.setItems(Status.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("learning.catalogue.all-statuses"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("learning.catalogue.all-statuses") : statusLabel(s));
        search.addValueChangeListener(e -> refresh());
        topic.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        Div toolbar = new Div(search, topic, status);
        toolbar.addClassName("toolbar");
        cards.addClassNames("card-grid", "course-cards");
        cards.getElement().setAttribute("role", "list");
        add(toolbar, cards);
        refresh();
    }

    private void refresh() {
        cards.removeAll();
        String text = fold(search.getValue());
        List<CourseStatus> shown = courses.stream()
                .filter(c -> text.isEmpty() || fold(c.card().title() + " " + c.card().summary()).contains(text))
                .filter(c -> topic.getValue() == null || topic.getValue().equals(c.card().topic()))
                .filter(c -> status.getValue() == null || status.getValue() == c.status())
                .toList();
        shown.forEach(c -> cards.add(card(c)));
        if (shown.isEmpty()) {
            cards.add(new Paragraph(getTranslation("learning.catalogue.none")));
        }
    }

    private Div card(CourseStatus course) {
        var c = course.card();
        Div card = new Div();
        card.addClassNames("card", "course-card");
        card.getElement().setAttribute("role", "listitem");
        Span topicBadge = new Span(getTranslation("topic." + c.topic()));
        topicBadge.getElement().getThemeList().add("badge contrast small");
        Div badges = new Div(topicBadge);
        badges.addClassName("badges");
        for (String groupCode : c.groupCodes()) {
            Span group = new Span(getTranslation("learning.counts-for", getTranslation("group." + groupCode)));
            group.getElement().getThemeList().add("badge success small");
            badges.add(group);
        }
        RouterLink title = new RouterLink(c.title(), CourseView.class, Steps.course(c.code()));
        title.addClassName("course-title-link");
        H3 heading = new H3(title);
        Paragraph summary = new Paragraph(c.summary());
        Span meta = new Span(getTranslation("learning.catalogue.meta", c.lessonCount(), c.estimatedMinutes()));
        meta.addClassName("muted");
        card.add(badges, heading, summary, meta);
        Span state = new Span(statusLabel(course.status()));
        state.addClassName("course-status");
        ProgressBar bar = new ProgressBar(0, 1, course.progress());
        bar.getElement().setAttribute("aria-label", getTranslation("learning.progress-label", Math.round(course.progress() * 100)));
        card.add(new Div(state), bar);
        return card;
    }

    private String statusLabel(Status s) {
        return getTranslation("learning.status." + s.name().toLowerCase(Locale.ROOT));
    }

    /** Case- and diacritic-insensitive search: "bao luc" finds "bạo lực". */
    static String fold(String s) {
        String decomposed = Normalizer.normalize(s == null ? "" : s.trim().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replace('đ', 'd');
    }

    @Override
    public String getPageTitle() {
        return getTranslation("learning.catalogue.title");
    }
}
