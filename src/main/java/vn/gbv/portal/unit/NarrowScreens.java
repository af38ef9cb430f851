package vn.gbv.portal.unit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.shared.Registration;
import java.util.List;

/** On a phone (a window narrower than 600 px) grids show only the columns that matter most. */
public final class NarrowScreens {

    private static final int NARROW_PX = 600;

    private NarrowScreens() {
    }

    public static void hideWhenNarrow(Component view, List<? extends Grid.Column<?>> columns) {
        view.addAttachListener(attach -> {
            var page = attach.getUI().getPage();
            page.retrieveExtendedClientDetails(details -> fit(columns, details.getWindowInnerWidth()));
            Registration resizing = page.addBrowserWindowResizeListener(e -> fit(columns, e.getWidth()));
            view.addDetachListener(detach -> {
                resizing.remove();
                detach.unregisterListener();
            });
        });
    }

    private static void fit(List<? extends Grid.Column<?>> columns, int widthPx) {
        columns.forEach(column -> column.setVisible(widthPx >= NARROW_PX));
    }
}
