package vn.gbv.portal.learning;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import vn.gbv.portal.certificate.CertificateService;
import vn.gbv.portal.certificate.MyCertificates;
import vn.gbv.portal.coverage.TrainedRule;
import vn.gbv.portal.learning.ProgressService.CourseStatus;
import vn.gbv.portal.learning.ProgressService.Status;
import vn.gbv.portal.security.Role;

/** My learning: whether I meet the programme's rule and what I still need, my courses, my completions. */
@Route("my-learning")
@RolesAllowed({Role.Names.LEARNER})
class MyLearningView extends Main implements HasDynamicTitle {

    MyLearningView(ProgressService learning, CompletionService completions, CertificateService certificates) {
        addClassNames("page", "my-learning-view");
        add(new H2(getTranslation("learning.mine.title")));
        if (!learning.hasLearnerProfile()) {
            add(new Paragraph(getTranslation("learning.error.no-person")));
            return;
        }
        add(ruleCard(completions, completions.trainedStatus()));

        List<CourseStatus> started = learning.catalogue().stream().filter(c -> c.status() != Status.NOT_STARTED).toList();
        add(new H3(getTranslation("learning.mine.courses")));
        if (started.isEmpty()) {
            add(new Paragraph(getTranslation("learning.mine.none-started")), new RouterLink(getTranslation("home.learner.action"),
                    CatalogueView.class));
        }
        Div cards = new Div();
        cards.addClassName("card-grid");
        for (CourseStatus c : started) {
            Div card = new Div();
            card.addClassNames("card", "course-card");
            card.add(new H3(new RouterLink(c.card().title(), CourseView.class, Steps.course(c.card().code()))));
            ProgressBar bar = new ProgressBar(0, 1, c.progress());
            bar.getElement().setAttribute("aria-label", getTranslation("learning.progress-label", Math.round(c.progress() * 100)));
            Span state = new Span(c.status() == Status.COMPLETED
                    ? getTranslation("learning.course.completed-on", c.completedOn().format(CourseView.DATE))
                    : getTranslation("learning.mine.steps", c.stepsDone(), c.stepsTotal()));
            card.add(state, bar);
            cards.add(card);
        }
        add(cards);

        add(new H3(getTranslation("learning.mine.completions")));
        var mine = completions.myCompletions();
        if (mine.isEmpty()) {
            add(new Paragraph(getTranslation("learning.mine.no-completions")));
        } else {
            UnorderedList list = new UnorderedList();
            list.addClassName("completion-list");
            mine.forEach(c -> list.add(new ListItem(getTranslation("learning.mine.completion-row", c.courseTitle(),
                    c.completedOn().format(CourseView.DATE), c.scorePercent() == null ? "—" : c.scorePercent() + "%",
                    getTranslation("source." + c.source().toLowerCase(Locale.ROOT)), c.versionNo()))));
            add(list);
        }
        add(new MyCertificates(certificates));
    }

    private Div ruleCard(CompletionService completions, TrainedRule.PersonStatus status) {
        Div card = new Div();
        card.addClassNames("card", "rule-card", status.trained() ? "rule-met" : "rule-not-met");
        boolean english = getLocale().getLanguage().equals("en");
        if (status.trained()) {
            card.add(new H3(VaadinIcon.CHECK_CIRCLE.create(), new Span(" " + getTranslation("learning.rule.trained"))));
            card.add(new Paragraph(getTranslation("learning.rule.trained-text")));
            return card;
        }
        card.add(new H3(getTranslation("learning.rule.not-yet")));
        card.add(new Paragraph(getTranslation("learning.rule.explain")));
        UnorderedList missing = new UnorderedList();
        for (TrainedRule.Group group : status.missing()) {
            ListItem item = new ListItem(new Span(english ? group.nameEn() : group.nameVi()));
            UnorderedList courses = new UnorderedList();
            completions.coursesForGroup(group.code()).forEach(course ->
                    courses.add(new ListItem(new RouterLink(course.title(), CourseView.class, Steps.course(course.code())))));
            item.add(courses);
            missing.add(item);
        }
        card.add(missing);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("learning.mine.title");
    }
}
