package vn.gbv.portal.learning;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import vn.gbv.portal.learning.ProgressService.CoursePage;
import vn.gbv.portal.learning.ProgressService.Status;
import vn.gbv.portal.learning.ProgressService.Step;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.security.Role;

/** A course: what it is, its table of contents with what is done, and "start" or "continue". */
@Route("courses/:code")
@RolesAllowed({Role.Names.LEARNER, Role.Names.TRAINER})
class CourseView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final ProgressService learning;
    private String title = "";

    CourseView(ProgressService learning) {
        this.learning = learning;
        addClassNames("page", "course-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElseThrow(NotFoundException::new);
        CoursePage page;
        try {
            page = learning.course(code);
        } catch (RefusedException e) {
            throw new NotFoundException(getTranslation(e.messageKey(), e.args()));
        }
        removeAll();
        title = page.outline().title();
        add(new H2(title), new Paragraph(page.outline().summary()));
        long done = page.steps().stream().filter(Step::done).count();
        ProgressBar bar = new ProgressBar(0, Math.max(1, page.steps().size()), done);
        bar.getElement().setAttribute("aria-label", getTranslation("learning.progress-label",
                page.steps().isEmpty() ? 0 : Math.round(done * 100.0 / page.steps().size())));
        Span meta = new Span(getTranslation("learning.course.meta", done, page.steps().size(),
                page.outline().estimatedMinutes(), page.outline().label() == null ? page.outline().versionNo() : page.outline().label()));
        meta.addClassName("muted");
        add(meta, bar);

        if (page.status() == Status.COMPLETED) {
            Div banner = new Div(VaadinIcon.CHECK_CIRCLE.create(),
                    new Span(getTranslation("learning.course.completed-on", page.completedOn().format(DATE))));
            banner.addClassName("success-banner");
            add(banner);
        }
        page.resume().ifPresent(step -> {
            Button go = new Button(getTranslation(page.status() == Status.NOT_STARTED ? "learning.course.start"
                    : page.status() == Status.COMPLETED ? "learning.course.review" : "learning.course.continue"),
                    VaadinIcon.ARROW_RIGHT.create(), e -> Steps.go(this, code, step));
            go.setIconAfterText(true);
            go.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
            go.addClassName("course-go");
            add(go);
            if (page.status() == Status.IN_PROGRESS) {
                Paragraph where = new Paragraph(getTranslation("learning.course.resume-at", step.title()));
                where.addClassName("muted");
                add(where);
            }
        });

        add(new H3(getTranslation("learning.course.contents")));
        OrderedList toc = new OrderedList();
        toc.addClassName("toc");
        String module = null;
        for (Step step : page.steps()) {
            if (step.moduleTitle() != null && !Objects.equals(module, step.moduleTitle())) {
                module = step.moduleTitle();
                ListItem header = new ListItem(module);
                header.addClassName("toc-module");
                toc.add(header);
            }
            ListItem item = new ListItem();
            item.addClassName(step.done() ? "toc-done" : "toc-todo");
            var icon = step.done() ? VaadinIcon.CHECK.create() : step.kind() == ProgressService.StepKind.QUIZ
                    ? VaadinIcon.QUESTION_CIRCLE_O.create() : VaadinIcon.FILE_TEXT_O.create();
            icon.getElement().setAttribute("aria-label", getTranslation(step.done() ? "learning.done" : "learning.not-done"));
            item.add(icon, Steps.link(step.title(), code, step));
            toc.add(item);
        }
        add(toc);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
