package vn.gbv.portal.unit;

import com.vaadin.flow.component.combobox.ComboBox;
import vn.gbv.portal.unit.UnitService.UnitNode;

/** A combo box of the open units in the caller's scope, searched by name or code as the user types. */
public final class UnitPicker {

    private UnitPicker() {
    }

    public static ComboBox<UnitNode> create(UnitService units, String label) {
        ComboBox<UnitNode> box = new ComboBox<>(label);
        box.setItems(query -> units.search(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        box.getLazyDataView().setIdentifierProvider(UnitNode::id);
        box.setItemLabelGenerator(unit -> unit.name() + " (" + unit.code() + ")");
        return box;
    }
}
