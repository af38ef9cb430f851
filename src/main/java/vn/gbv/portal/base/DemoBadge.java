package vn.gbv.portal.base;

import com.vaadin.flow.component.html.Span;

/** "Dữ liệu mẫu": shown on every page of a deployment that holds the demo city. */
public final class DemoBadge extends Span {

    public DemoBadge() {
        setText(getTranslation("demo.badge"));
        setTitle(getTranslation("demo.badge.title"));
        addClassName("demo-badge");
    }
}
