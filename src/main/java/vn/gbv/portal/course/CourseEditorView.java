package vn.gbv.portal.course;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.base.UploadTexts;
import vn.gbv.portal.course.AuthoringService.Check;
import vn.gbv.portal.course.AuthoringService.Editor;
import vn.gbv.portal.course.AuthoringService.Published;
import vn.gbv.portal.course.DraftYaml.OptionForm;
import vn.gbv.portal.course.DraftYaml.QuestionForm;
import vn.gbv.portal.course.DraftYaml.QuizForm;
import vn.gbv.portal.security.Role;

/**
 * The course editor: the course's card, its modules, lessons in Markdown with a live preview by
 * the player's own sanitiser, images, and quizzes with options, right answers and explanations.
 * Every change is saved to the draft in the database as the trainer pauses typing, so nothing is
 * lost with the session; a save on an older state than the draft's is refused with who changed it.
 */
@Route("authoring/edit")
@RolesAllowed({Role.Names.TRAINER, Role.Names.ADMIN})
@StyleSheet("styles/authoring.css")
class CourseEditorView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    static final String CARD = "course.yaml";
    private static final int SAVE_PAUSE_MS = 800;

    private final AuthoringService authoring;
    private String code;
    private Editor editor;
    private long lock;
    private SortedMap<String, byte[]> files = new TreeMap<>();
    private Check lastCheck = new Check(List.of(), List.of());
    private String selected = CARD;

    final Span status = new Span();
    final Div nav = new Div();
    final Div panel = new Div();
    final Div report = new Div();
    final Div header = new Div();

    CourseEditorView(AuthoringService authoring) {
        this.authoring = authoring;
        addClassNames("page", "authoring-editor-page");
        status.setId("save-status");
        status.addClassName("muted");
        nav.addClassName("authoring-nav");
        nav.setId("editor-nav");
        panel.addClassName("authoring-panel");
        panel.setId("editor-panel");
        report.addClassName("authoring-report");
        report.setId("editor-report");
        Div body = new Div(nav, panel);
        body.addClassName("authoring-editor");
        add(header, report, body);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        code = parameter;
        try {
            load();
        } catch (RefusedException e) {
            removeAll();
            add(new Paragraph(getTranslation(e.messageKey(), e.args())));
        }
    }

    private void load() {
        editor = authoring.open(code);
        lock = editor.draft().map(AuthoringQueries.DraftRow::lockVersion).orElse(0L);
        files = new TreeMap<>(editor.files());
        buildHeader();
        buildNav();
        select(selected);
    }

    private void buildHeader() {
        header.removeAll();
        header.addClassName("authoring-header");
        H2 title = new H2(getTranslation("authoring.editor.title", cardTitle()));
        Div toolbar = new Div();
        toolbar.addClassName("toolbar");
        Button back = new Button(getTranslation("authoring.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> UI.getCurrent().navigate(AuthoringView.class));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        toolbar.add(back);
        if (editor.readOnly()) {
            Paragraph banner = new Paragraph(getTranslation("authoring.editor.folder-owned", editor.folder()));
            banner.addClassName("authoring-banner");
            banner.setId("read-only-banner");
            Button takeOver = new Button(getTranslation("authoring.action.take-over"), e -> takeOver());
            takeOver.setId("take-over");
            takeOver.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(takeOver);
            header.add(title, banner, toolbar);
            return;
        }
        Button check = new Button(getTranslation("authoring.action.check"), VaadinIcon.CHECK.create(), e -> runCheck());
        check.setId("check");
        Button publish = new Button(getTranslation("authoring.action.publish"), VaadinIcon.UPLOAD.create(),
                e -> publish());
        publish.setId("publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor export = new Anchor(draftZip(), getTranslation("authoring.action.export-draft"));
        export.getElement().setAttribute("download", true);
        export.addClassName("authoring-link");
        Button discard = new Button(getTranslation("authoring.action.discard"), e -> discard());
        discard.setId("discard");
        discard.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        toolbar.add(check, publish, export, discard, status);
        status.setText(getTranslation("authoring.editor.saved-draft"));
        header.add(title, toolbar);
    }

    /** The line that gives a file its title (a lesson's "# ", a YAML file's "title:"). */
    private static byte[] titleLine(byte[] bytes) {
        if (bytes == null) {
            return new byte[0];
        }
        return new String(bytes, StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("# ") || l.startsWith("title:")).findFirst().orElse("")
                .getBytes(StandardCharsets.UTF_8);
    }

    private void buildHeaderTitle() {
        header.getChildren().filter(H2.class::isInstance).findFirst()
                .ifPresent(h -> ((H2) h).setText(getTranslation("authoring.editor.title", cardTitle())));
    }

    private String cardTitle() {
        return Optional.ofNullable(files.get(CARD)).flatMap(DraftYaml::read).map(m -> DraftYaml.text(m, "title"))
                .filter(t -> !t.isBlank()).orElse(code);
    }

    // ---- navigation: the card, each module with its lessons and quiz, the final quiz ----

    private void buildNav() {
        nav.removeAll();
        nav.add(navItem(CARD, getTranslation("authoring.editor.card"), VaadinIcon.INFO_CIRCLE));
        for (String module : modules()) {
            Div group = new Div();
            group.addClassName("authoring-nav-module");
            group.add(navItem(module + "/module.yaml", moduleTitle(module), VaadinIcon.FOLDER_O));
            files.keySet().stream().filter(p -> p.startsWith(module + "/") && p.endsWith(".md")
                            && p.indexOf('/', module.length() + 1) < 0)
                    .forEach(p -> group.add(navItem(p, lessonTitle(p), VaadinIcon.FILE_TEXT_O)));
            if (files.containsKey(module + "/quiz.yaml")) {
                group.add(navItem(module + "/quiz.yaml", getTranslation("authoring.editor.quiz"), VaadinIcon.QUESTION_CIRCLE_O));
            }
            if (!editor.readOnly()) {
                Button addLesson = new Button(getTranslation("authoring.editor.add-lesson"), VaadinIcon.PLUS.create(),
                        e -> addLesson(module));
                addLesson.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                group.add(addLesson);
                if (!files.containsKey(module + "/quiz.yaml")) {
                    Button addQuiz = new Button(getTranslation("authoring.editor.add-quiz"), VaadinIcon.PLUS.create(),
                            e -> addQuiz(module + "/quiz.yaml"));
                    addQuiz.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                    group.add(addQuiz);
                }
            }
            nav.add(group);
        }
        if (files.containsKey("quiz.yaml")) {
            nav.add(navItem("quiz.yaml", getTranslation("authoring.editor.final-quiz"), VaadinIcon.DIPLOMA));
        }
        if (!editor.readOnly()) {
            Button addModule = new Button(getTranslation("authoring.editor.add-module"), VaadinIcon.PLUS.create(),
                    e -> addModule());
            addModule.setId("add-module");
            addModule.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            nav.add(addModule);
            if (!files.containsKey("quiz.yaml")) {
                Button addFinal = new Button(getTranslation("authoring.editor.add-final-quiz"), VaadinIcon.PLUS.create(),
                        e -> addQuiz("quiz.yaml"));
                addFinal.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                nav.add(addFinal);
            }
        }
    }

    private Button navItem(String path, String label, VaadinIcon icon) {
        Button item = new Button(label, icon.create(), e -> select(path));
        item.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        item.addClassName("authoring-nav-item");
        item.getElement().setAttribute("data-path", path);
        if (path.equals(selected)) {
            item.addClassName("selected");
        }
        return item;
    }

    /** Module folders: folders holding a module.yaml, a lesson or a quiz. */
    List<String> modules() {
        TreeSet<String> modules = new TreeSet<>();
        for (String path : files.keySet()) {
            int slash = path.indexOf('/');
            if (slash > 0) {
                String rest = path.substring(slash + 1);
                if (!rest.contains("/") && (rest.equals("module.yaml") || rest.equals("quiz.yaml") || rest.endsWith(".md"))) {
                    modules.add(path.substring(0, slash));
                }
            }
        }
        return new ArrayList<>(modules);
    }

    private String moduleTitle(String module) {
        return Optional.ofNullable(files.get(module + "/module.yaml")).flatMap(DraftYaml::read)
                .map(m -> DraftYaml.text(m, "title")).filter(t -> !t.isBlank()).orElse(module);
    }

    private String lessonTitle(String path) {
        String text = text(path);
        return text.lines().filter(l -> l.startsWith("# ")).findFirst().map(l -> l.substring(2).strip())
                .orElse(path.substring(path.lastIndexOf('/') + 1));
    }

    /** Shows the editor of one file (a problem's place, a navigation item). */
    void select(String path) {
        selected = files.containsKey(path) ? path : CARD;
        nav.getChildren().forEach(this::markSelected);
        panel.removeAll();
        if (selected.equals(CARD)) {
            cardForm();
        } else if (selected.endsWith("/module.yaml")) {
            moduleForm(selected);
        } else if (selected.endsWith(".md")) {
            lessonForm(selected);
        } else if (selected.endsWith("quiz.yaml")) {
            quizForm(selected);
        }
        panel.add(placeNotes(selected));
    }

    private void markSelected(Component c) {
        c.getElement().getChildren().forEach(child -> {
            String path = child.getAttribute("data-path");
            if (path != null) {
                child.getClassList().set("selected", path.equals(selected));
            }
        });
        String path = c.getElement().getAttribute("data-path");
        if (path != null) {
            c.getElement().getClassList().set("selected", path.equals(selected));
        }
    }

    // ---- the card ----

    private void cardForm() {
        Map<String, Object> card = yaml(CARD);
        if (card == null) {
            rawForm(CARD);
            return;
        }
        panel.add(new H3(getTranslation("authoring.editor.card")));
        TextField codeField = field("authoring.card.code", DraftYaml.text(card, "code"));
        codeField.setReadOnly(true);
        TextField title = field("authoring.card.title", DraftYaml.text(card, "title"));
        title.setId("card-title");
        TextArea summary = area("authoring.card.summary", DraftYaml.text(card, "summary"));
        Select<String> topic = new Select<>();
        topic.setLabel(getTranslation("authoring.card.topic"));
        topic.setItems(CourseFolderParser.TOPICS);
        topic.setItemLabelGenerator(t -> getTranslation("course.topic." + t));
        if (CourseFolderParser.TOPICS.contains(DraftYaml.text(card, "topic"))) {
            topic.setValue(DraftYaml.text(card, "topic"));
        }
        MultiSelectComboBox<String> groups = new MultiSelectComboBox<>(getTranslation("authoring.card.groups"));
        Map<String, String> groupNames = new LinkedHashMap<>();
        authoring.groups().forEach(g -> groupNames.put(g.code(),
                "en".equals(getLocale().getLanguage()) ? g.nameEn() : g.nameVi()));
        groups.setItems(groupNames.keySet());
        groups.setItemLabelGenerator(g -> groupNames.getOrDefault(g, g));
        groups.setValue(cardGroups(card));
        groups.setWidthFull();
        TextField audience = field("authoring.card.audience", DraftYaml.text(card, "audience"));
        IntegerField minutes = new IntegerField(getTranslation("authoring.card.minutes"));
        minutes.setMin(1);
        if (card.get("estimatedMinutes") instanceof Integer m) {
            minutes.setValue(m);
        }
        TextField label = field("authoring.card.label", DraftYaml.text(card, "version"));
        label.setHelperText(getTranslation("authoring.card.label-help"));
        Runnable write = () -> {
            Map<String, Object> map = new LinkedHashMap<>(card);
            DraftYaml.put(map, "title", title.getValue());
            DraftYaml.put(map, "summary", summary.getValue());
            DraftYaml.put(map, "topic", topic.getValue());
            map.remove("group");
            map.remove("groups");
            List<String> chosen = new ArrayList<>(new TreeSet<>(groups.getValue()));
            if (chosen.size() == 1) {
                map.put("group", chosen.getFirst());
            } else if (chosen.size() > 1) {
                map.put("groups", chosen);
            }
            DraftYaml.put(map, "audience", audience.getValue());
            DraftYaml.put(map, "estimatedMinutes", minutes.getValue());
            DraftYaml.put(map, "version", label.getValue());
            save(CARD, DraftYaml.write(map));
        };
        title.addValueChangeListener(e -> write.run());
        summary.addValueChangeListener(e -> write.run());
        topic.addValueChangeListener(e -> write.run());
        groups.addValueChangeListener(e -> write.run());
        audience.addValueChangeListener(e -> write.run());
        minutes.addValueChangeListener(e -> write.run());
        label.addValueChangeListener(e -> write.run());
        Div form = formGrid(codeField, title, topic, minutes, groups, audience, label);
        panel.add(form, summary);
        readOnly(codeField, title, summary, topic, groups, audience, minutes, label);
    }

    private static java.util.Set<String> cardGroups(Map<String, Object> card) {
        java.util.Set<String> groups = new java.util.LinkedHashSet<>();
        if (card.get("group") != null) {
            groups.add(String.valueOf(card.get("group")));
        }
        if (card.get("groups") instanceof List<?> list) {
            list.forEach(g -> groups.add(String.valueOf(g)));
        }
        return groups;
    }

    // ---- a module ----

    private void moduleForm(String path) {
        Map<String, Object> module = yaml(path);
        if (module == null) {
            rawForm(path);
            return;
        }
        panel.add(new H3(getTranslation("authoring.editor.module", path.substring(0, path.indexOf('/')))));
        TextField title = field("authoring.module.title", DraftYaml.text(module, "title"));
        title.setId("module-title");
        TextArea summary = area("authoring.module.summary", DraftYaml.text(module, "summary"));
        Runnable write = () -> {
            Map<String, Object> map = new LinkedHashMap<>(module);
            DraftYaml.put(map, "title", title.getValue());
            DraftYaml.put(map, "summary", summary.getValue());
            save(path, DraftYaml.write(map));
        };
        title.addValueChangeListener(e -> write.run());
        summary.addValueChangeListener(e -> write.run());
        panel.add(title, summary);
        readOnly(title, summary);
    }

    // ---- a lesson: Markdown and its preview ----

    private void lessonForm(String path) {
        String module = path.substring(0, path.indexOf('/'));
        panel.add(new H3(getTranslation("authoring.editor.lesson", path)));
        TextArea markdown = new TextArea(getTranslation("authoring.lesson.markdown"));
        markdown.setId("lesson-markdown");
        markdown.setValue(text(path));
        markdown.setWidthFull();
        markdown.addClassName("authoring-markdown");
        markdown.setValueChangeMode(ValueChangeMode.TIMEOUT);
        markdown.setValueChangeTimeout(SAVE_PAUSE_MS);
        markdown.setHelperText(getTranslation("authoring.lesson.help"));
        Article preview = new Article();
        preview.addClassNames("lesson-content", "authoring-preview");
        preview.setId("lesson-preview");
        Div previewBox = new Div(new Span(getTranslation("authoring.lesson.preview")), preview);
        previewBox.addClassName("authoring-preview-box");
        showPreview(preview, markdown.getValue(), module);
        markdown.addValueChangeListener(e -> {
            showPreview(preview, e.getValue(), module);
            if (!editor.readOnly()) {
                save(path, e.getValue().getBytes(StandardCharsets.UTF_8));
            }
        });
        Div split = new Div(markdown, previewBox);
        split.addClassName("authoring-split");
        panel.add(split);
        readOnly(markdown);
        if (!editor.readOnly()) {
            panel.add(imageUpload(module, markdown));
        }
    }

    private void showPreview(Article preview, String markdown, String module) {
        preview.getElement().setProperty("innerHTML", authoring.preview(markdown, module, editor.previewId()));
    }

    private Component imageUpload(String module, TextArea markdown) {
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            UI ui = UI.getCurrent();
            ui.access(() -> {
                try {
                    String path = authoring.addImage(editor.draft().orElseThrow().id(), lock, module,
                            metadata.fileName(), bytes);
                    lock++;
                    files.put(path, bytes);
                    String relative = path.substring(module.length() + 1);
                    markdown.setValue(markdown.getValue() + "\n\n![" + getTranslation("authoring.lesson.image-alt")
                            + "](" + relative + ")\n");
                    status.setText(getTranslation("authoring.editor.image-added", relative));
                } catch (RefusedException e) {
                    AuthoringView.error(getTranslation(e.messageKey(), e.args()));
                }
            });
        }));
        upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/webp", ".png", ".jpg", ".jpeg", ".webp");
        UploadTexts.translate(upload);
        upload.setMaxFileSize(ImageCheck.MAX_BYTES);
        upload.setMaxFiles(1);
        upload.setId("image-upload");
        upload.setUploadButton(new Button(getTranslation("authoring.lesson.image-button"), VaadinIcon.PICTURE.create()));
        upload.setDropLabel(new Span(getTranslation("authoring.lesson.image-drop")));
        upload.addFileRejectedListener(e -> AuthoringView.error(getTranslation("authoring.lesson.image-rejected",
                e.getFileName(), ImageCheck.MAX_BYTES / 1024)));
        Div box = new Div(new Span(getTranslation("authoring.lesson.image-help", ImageCheck.MAX_BYTES / 1024,
                ImageCheck.MAX_SIDE)), upload);
        box.addClassName("authoring-upload");
        return box;
    }

    // ---- a quiz: questions, options, right answers, explanations ----

    private void quizForm(String path) {
        Map<String, Object> map = yaml(path);
        if (map == null) {
            rawForm(path);
            return;
        }
        QuizForm quiz = QuizForm.of(map);
        panel.add(new H3(path.equals("quiz.yaml") ? getTranslation("authoring.editor.final-quiz")
                : getTranslation("authoring.editor.quiz-of", path.substring(0, path.indexOf('/')))));
        Runnable write = () -> save(path, DraftYaml.write(quiz.toMap()));
        TextField title = field("authoring.quiz.title", quiz.title);
        title.setId("quiz-title");
        title.addValueChangeListener(e -> {
            quiz.title = e.getValue();
            write.run();
        });
        IntegerField pass = integer("authoring.quiz.pass", quiz.passPercent, v -> quiz.passPercent = v, write);
        IntegerField draw = integer("authoring.quiz.draw", quiz.drawCount, v -> quiz.drawCount = v, write);
        IntegerField attempts = integer("authoring.quiz.attempts", quiz.maxAttempts, v -> quiz.maxAttempts = v, write);
        attempts.setHelperText(getTranslation("authoring.quiz.attempts-help"));
        panel.add(formGrid(title, pass, draw, attempts));
        readOnly(title, pass, draw, attempts);
        Div questions = new Div();
        questions.addClassName("authoring-questions");
        questions.setId("quiz-questions");
        panel.add(questions);
        renderQuestions(questions, quiz, write);
        if (!editor.readOnly()) {
            Button add = new Button(getTranslation("authoring.quiz.add-question"), VaadinIcon.PLUS.create(), e -> {
                QuestionForm q = new QuestionForm();
                q.id = "cau-" + (quiz.questions.size() + 1);
                q.type = "single";
                q.options.add(new OptionForm("", true));
                q.options.add(new OptionForm("", false));
                q.options.add(new OptionForm("", false));
                quiz.questions.add(q);
                write.run();
                renderQuestions(questions, quiz, write);
            });
            add.setId("add-question");
            panel.add(add);
        }
    }

    private void renderQuestions(Div container, QuizForm quiz, Runnable write) {
        container.removeAll();
        for (int i = 0; i < quiz.questions.size(); i++) {
            container.add(questionCard(container, quiz, quiz.questions.get(i), i + 1, write));
        }
    }

    private Component questionCard(Div container, QuizForm quiz, QuestionForm q, int number, Runnable write) {
        Section card = new Section();
        card.addClassName("authoring-question");
        card.getElement().setAttribute("data-question", q.id);
        card.add(new H3(getTranslation("authoring.quiz.question", number)));
        TextField id = field("authoring.quiz.id", q.id);
        id.addValueChangeListener(e -> {
            q.id = e.getValue().strip();
            write.run();
        });
        Select<String> type = new Select<>();
        type.setLabel(getTranslation("authoring.quiz.type"));
        type.setItems("single", "multiple", "truefalse");
        type.setItemLabelGenerator(t -> getTranslation("authoring.quiz.type." + t));
        type.setValue(List.of("single", "multiple", "truefalse").contains(q.type) ? q.type : "single");
        type.addValueChangeListener(e -> {
            q.type = e.getValue();
            if (!"truefalse".equals(q.type) && q.options.size() < 2) {
                q.options.add(new OptionForm("", q.options.isEmpty()));
                q.options.add(new OptionForm("", false));
            }
            write.run();
            renderQuestions(container, quiz, write);
        });
        TextArea text = area("authoring.quiz.text", q.text);
        text.addValueChangeListener(e -> {
            q.text = e.getValue();
            write.run();
        });
        card.add(formGrid(id, type), text);
        List<com.vaadin.flow.component.HasValue<?, ?>> fields = new ArrayList<>(List.of(id, type, text));
        if ("truefalse".equals(q.type)) {
            RadioButtonGroup<Boolean> answer = new RadioButtonGroup<>(getTranslation("authoring.quiz.answer"));
            answer.setItems(Boolean.TRUE, Boolean.FALSE);
            answer.setItemLabelGenerator(b -> getTranslation(b ? "authoring.quiz.true" : "authoring.quiz.false"));
            answer.setValue(q.answer == null ? Boolean.TRUE : q.answer);
            answer.addValueChangeListener(e -> {
                q.answer = e.getValue();
                write.run();
            });
            card.add(answer);
            fields.add(answer);
        } else {
            Div options = new Div();
            options.addClassName("authoring-options");
            for (OptionForm option : q.options) {
                TextField optionText = new TextField();
                optionText.setValue(option.text);
                optionText.setWidthFull();
                optionText.setAriaLabel(getTranslation("authoring.quiz.option"));
                optionText.setPlaceholder(getTranslation("authoring.quiz.option"));
                optionText.setValueChangeMode(ValueChangeMode.TIMEOUT);
                optionText.setValueChangeTimeout(SAVE_PAUSE_MS);
                optionText.addValueChangeListener(e -> {
                    option.text = e.getValue();
                    write.run();
                });
                Checkbox correct = new Checkbox(getTranslation("authoring.quiz.correct"), option.correct);
                correct.addValueChangeListener(e -> {
                    option.correct = e.getValue();
                    write.run();
                });
                Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                    q.options.remove(option);
                    write.run();
                    renderQuestions(container, quiz, write);
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                remove.setAriaLabel(getTranslation("authoring.quiz.remove-option"));
                remove.setVisible(!editor.readOnly());
                Div row = new Div(correct, optionText, remove);
                row.addClassName("authoring-option");
                options.add(row);
                fields.add(optionText);
                fields.add(correct);
            }
            card.add(options);
            if (!editor.readOnly()) {
                Button addOption = new Button(getTranslation("authoring.quiz.add-option"), VaadinIcon.PLUS.create(), e -> {
                    q.options.add(new OptionForm("", false));
                    write.run();
                    renderQuestions(container, quiz, write);
                });
                addOption.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                card.add(addOption);
            }
        }
        TextArea explanation = area("authoring.quiz.explanation", q.explanation);
        explanation.addValueChangeListener(e -> {
            q.explanation = e.getValue();
            write.run();
        });
        card.add(explanation);
        fields.add(explanation);
        fields.forEach(f -> f.setReadOnly(editor.readOnly()));
        if (!editor.readOnly()) {
            Button remove = new Button(getTranslation("authoring.quiz.remove-question"), VaadinIcon.TRASH.create(), e -> {
                quiz.questions.remove(q);
                write.run();
                renderQuestions(container, quiz, write);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            card.add(remove);
        }
        lastCheck.warnings().stream()
                .filter(w -> w.message().contains("“" + q.id + "”"))
                .forEach(w -> card.add(note(w.message(), "warning")));
        return card;
    }

    private IntegerField integer(String key, Integer value, java.util.function.Consumer<Integer> set, Runnable write) {
        IntegerField field = new IntegerField(getTranslation(key));
        field.setValue(value);
        field.addValueChangeListener(e -> {
            set.accept(e.getValue());
            write.run();
        });
        return field;
    }

    /** A YAML file the forms cannot read (hand-written, broken): edited as text. */
    private void rawForm(String path) {
        panel.add(new H3(path));
        panel.add(note(getTranslation("authoring.editor.raw"), "warning"));
        TextArea raw = new TextArea();
        raw.setWidthFull();
        raw.addClassName("authoring-markdown");
        raw.setValue(text(path));
        raw.setValueChangeMode(ValueChangeMode.TIMEOUT);
        raw.setValueChangeTimeout(SAVE_PAUSE_MS);
        raw.addValueChangeListener(e -> save(path, e.getValue().getBytes(StandardCharsets.UTF_8)));
        raw.setReadOnly(editor.readOnly());
        panel.add(raw);
    }

    // ---- structure ----

    private void addModule() {
        int next = modules().size() + 1;
        String folder = "%02d-hoc-phan".formatted(next);
        while (modules().contains(folder)) {
            folder = "%02d-hoc-phan".formatted(++next);
        }
        Map<String, Object> module = new LinkedHashMap<>();
        module.put("title", getTranslation("authoring.editor.new-module", next));
        Map<String, byte[]> put = new LinkedHashMap<>();
        put.put(folder + "/module.yaml", DraftYaml.write(module));
        put.put(folder + "/01-bai-hoc.md", ("# " + getTranslation("authoring.editor.new-lesson") + "\n\n")
                .getBytes(StandardCharsets.UTF_8));
        saveAll(put, folder + "/module.yaml");
    }

    private void addLesson(String module) {
        int n = 1;
        String path;
        do {
            path = "%s/%02d-bai-hoc.md".formatted(module, n++);
        } while (files.containsKey(path));
        saveAll(Map.of(path, ("# " + getTranslation("authoring.editor.new-lesson") + "\n\n")
                .getBytes(StandardCharsets.UTF_8)), path);
    }

    private void addQuiz(String path) {
        QuizForm quiz = new QuizForm();
        quiz.title = getTranslation("authoring.editor.new-quiz");
        quiz.passPercent = 70;
        quiz.drawCount = 1;
        quiz.maxAttempts = 0;
        QuestionForm q = new QuestionForm();
        q.id = "cau-1";
        q.type = "truefalse";
        q.text = getTranslation("authoring.editor.new-question");
        q.answer = Boolean.TRUE;
        quiz.questions.add(q);
        saveAll(Map.of(path, DraftYaml.write(quiz.toMap())), path);
    }

    // ---- saving, checking, publishing ----

    /** Saves one file now (the field's pause has passed): the draft survives a lost session. */
    void save(String path, byte[] bytes) {
        if (editor.readOnly()) {
            return;
        }
        try {
            lock = authoring.save(editor.draft().orElseThrow().id(), lock, path, bytes);
            boolean renames = path.endsWith(".md") || path.endsWith("module.yaml") || path.equals(CARD);
            boolean titleChanged = renames && !java.util.Arrays.equals(titleLine(files.get(path)), titleLine(bytes));
            files.put(path, bytes);
            if (titleChanged) {
                // lesson and module titles name the navigation; the card's title names the page
                buildNav();
                buildHeaderTitle();
            }
            status.setText(getTranslation("authoring.editor.saved", java.time.LocalTime.now()
                    .withNano(0).toString()));
            status.removeClassName("error");
        } catch (RefusedException e) {
            status.setText(getTranslation(e.messageKey(), e.args()));
            status.addClassName("error");
            if ("authoring.error.conflict".equals(e.messageKey())) {
                conflict(getTranslation(e.messageKey(), e.args()));
            } else {
                AuthoringView.error(getTranslation(e.messageKey(), e.args()));
            }
        }
    }

    private void saveAll(Map<String, byte[]> put, String select) {
        try {
            lock = authoring.saveAll(editor.draft().orElseThrow().id(), lock, put, List.of());
            files.putAll(put);
            selected = select;
            buildNav();
            select(select);
        } catch (RefusedException e) {
            conflict(getTranslation(e.messageKey(), e.args()));
        }
    }

    private void conflict(String message) {
        com.vaadin.flow.component.dialog.Dialog dialog = new com.vaadin.flow.component.dialog.Dialog();
        dialog.setHeaderTitle(getTranslation("authoring.conflict.title"));
        dialog.add(new Paragraph(message));
        Button reload = new Button(getTranslation("authoring.conflict.reload"), e -> {
            dialog.close();
            load();
        });
        reload.setId("reload-draft");
        reload.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(reload);
        dialog.open();
    }

    void runCheck() {
        lastCheck = authoring.check(editor.draft().orElseThrow().id());
        showReport(lastCheck.problems(), lastCheck.warnings(), null);
        select(selected);
    }

    void publish() {
        try {
            Published published = authoring.publish(editor.draft().orElseThrow().id(), lock);
            if (published.versionNo() == null) {
                lastCheck = new Check(published.problems(), List.of());
                showReport(published.problems(), List.of(), null);
                select(selected);
                return;
            }
            lastCheck = new Check(List.of(), List.of());
            showReport(List.of(), List.of(), published.versionNo());
            load();
        } catch (RefusedException e) {
            conflict(getTranslation(e.messageKey(), e.args()));
        }
    }

    private void discard() {
        authoring.discard(editor.draft().orElseThrow().id());
        UI.getCurrent().navigate(AuthoringView.class);
    }

    private void takeOver() {
        try {
            authoring.takeOver(code);
            load();
        } catch (RefusedException e) {
            AuthoringView.error(getTranslation(e.messageKey(), e.args()));
        }
    }

    /** The importer's messages, each with a link to its place in the editor. */
    private void showReport(List<CourseProblem> problems, List<CourseProblem> warnings, Integer publishedVersion) {
        report.removeAll();
        if (publishedVersion != null) {
            report.add(note(getTranslation("authoring.editor.published", publishedVersion), "success"));
            return;
        }
        if (problems.isEmpty()) {
            report.add(note(getTranslation("authoring.editor.no-problems"), "success"));
        } else {
            report.add(note(getTranslation("authoring.editor.problems", problems.size()), "error"));
        }
        UnorderedList list = new UnorderedList();
        list.setId("editor-problems");
        problems.forEach(p -> list.add(problemItem(p, "error")));
        warnings.forEach(p -> list.add(problemItem(p, "warning")));
        report.add(list);
    }

    private ListItem problemItem(CourseProblem problem, String kind) {
        String where = problem.file() == null ? getTranslation("authoring.editor.place.course")
                : problem.line() == null ? problem.file()
                : getTranslation("authoring.editor.place.line", problem.file(), problem.line());
        Button go = new Button(where, e -> select(place(problem.file())));
        go.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        Span label = new Span(getTranslation("authoring.editor.kind." + kind));
        label.addClassNames("authoring-kind", kind);
        ListItem item = new ListItem(label, go, new Span(" " + problem.message()));
        item.addClassName(kind);
        return item;
    }

    /** The editor's place of a problem's file: the file itself, or the module of a folder. */
    String place(String file) {
        if (file == null) {
            return CARD;
        }
        if (files.containsKey(file)) {
            return file;
        }
        String folder = file.contains("/") ? file.substring(0, file.indexOf('/')) : file;
        return files.containsKey(folder + "/module.yaml") ? folder + "/module.yaml" : CARD;
    }

    /** Messages about the file shown, under its form. */
    private Component placeNotes(String path) {
        Div notes = new Div();
        notes.addClassName("authoring-place-notes");
        lastCheck.problems().stream().filter(p -> path.equals(place(p.file())))
                .forEach(p -> notes.add(note((p.line() == null ? "" : getTranslation("authoring.editor.line", p.line()) + " ")
                        + p.message(), "error")));
        return notes;
    }

    private DownloadHandler draftZip() {
        return event -> {
            event.setFileName(code + "-ban-nhap.zip");
            event.setContentType("application/zip");
            java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(event.getOutputStream(),
                    StandardCharsets.UTF_8);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(editor.folder() + "/" + file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
            zip.finish();
        };
    }

    // ---- small helpers ----

    private Map<String, Object> yaml(String path) {
        return Optional.ofNullable(files.get(path)).flatMap(DraftYaml::read).map(LinkedHashMap::new).orElse(null);
    }

    private String text(String path) {
        byte[] bytes = files.get(path);
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    private TextField field(String key, String value) {
        TextField field = new TextField(getTranslation(key));
        field.setValue(value == null ? "" : value);
        field.setWidthFull();
        field.setValueChangeMode(ValueChangeMode.TIMEOUT);
        field.setValueChangeTimeout(SAVE_PAUSE_MS);
        return field;
    }

    private TextArea area(String key, String value) {
        TextArea area = new TextArea(getTranslation(key));
        area.setValue(value == null ? "" : value.strip());
        area.setWidthFull();
        area.setValueChangeMode(ValueChangeMode.TIMEOUT);
        area.setValueChangeTimeout(SAVE_PAUSE_MS);
        return area;
    }

    private void readOnly(com.vaadin.flow.component.HasValue<?, ?>... fields) {
        for (var field : fields) {
            field.setReadOnly(editor.readOnly() || field.isReadOnly());
        }
    }

    private static Div formGrid(Component... components) {
        Div grid = new Div(components);
        grid.addClassName("authoring-form");
        return grid;
    }

    static Paragraph note(String text, String kind) {
        Paragraph note = new Paragraph(text);
        note.addClassNames("authoring-note", kind);
        return note;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("authoring.editor.page-title", code == null ? "" : code);
    }
}
