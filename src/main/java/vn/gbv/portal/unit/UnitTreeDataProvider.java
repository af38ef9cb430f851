package vn.gbv.portal.unit;

import com.vaadin.flow.data.provider.hierarchy.AbstractBackEndHierarchicalDataProvider;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import java.util.stream.Stream;
import vn.gbv.portal.unit.UnitService.UnitNode;

/** The current tree, a level at a time as the user expands it: the top of the caller's scope, then children. */
class UnitTreeDataProvider extends AbstractBackEndHierarchicalDataProvider<UnitNode, Void> {

    private final UnitService units;

    UnitTreeDataProvider(UnitService units) {
        this.units = units;
    }

    @Override
    public int getChildCount(HierarchicalQuery<UnitNode, Void> query) {
        UnitNode parent = query.getParent();
        return parent == null ? units.roots().size() : units.childCount(parent.id());
    }

    @Override
    public boolean hasChildren(UnitNode item) {
        return item.hasChildren();
    }

    @Override
    protected Stream<UnitNode> fetchChildrenFromBackEnd(HierarchicalQuery<UnitNode, Void> query) {
        UnitNode parent = query.getParent();
        if (parent == null) {
            // the top of a scope is a handful of units
            return units.roots().stream().skip(query.getOffset()).limit(query.getLimit());
        }
        return units.children(parent.id(), query.getOffset(), query.getLimit()).stream();
    }

    @Override
    public Object getId(UnitNode item) {
        return item.id();
    }
}
