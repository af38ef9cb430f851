package vn.gbv.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import vn.gbv.portal.base.OpenToAnyCaller;

/**
 * The shape of the code: views talk to services; data access sits in services, repositories and
 * query classes; every route says who may open it; every public service method says who may call
 * it; feature packages do not depend on each other in a circle.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    /** Spring beans that are not views: services, query classes, configuration, start-up jobs. */
    private static final DescribedPredicate<JavaClass> NON_VIEW_BEAN = DescribedPredicate.describe(
            "Spring beans that are not views",
            c -> !c.isAssignableTo(Component.class)
                    && c.isMetaAnnotatedWith(org.springframework.stereotype.Component.class));

    private static final DescribedPredicate<JavaClass> DATA_ACCESS = DescribedPredicate.describe(
            "repositories, JdbcTemplate, JdbcClient or query classes",
            c -> c.isAssignableTo(Repository.class) || c.isAssignableTo(JdbcTemplate.class)
                    || c.isAssignableTo(JdbcClient.class) || c.getSimpleName().endsWith("Queries"));

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.gbv.portal");
    }

    @Test
    void viewsNeverUseRepositoriesOrSql() {
        noClasses().that().areAssignableTo(Component.class)
                .should().dependOnClassesThat(DATA_ACCESS)
                .because("a view talks to a service, never to a repository, SQL or a query class")
                .check(classes);
    }

    @Test
    void onlyServicesAndQueryClassesUseDataAccess() {
        DescribedPredicate<JavaClass> usesDataAccess = DescribedPredicate.describe("use data access",
                c -> c.getDirectDependenciesFromSelf().stream().anyMatch(d -> DATA_ACCESS.test(d.getTargetClass())));
        DescribedPredicate<JavaClass> beanOrInsideOne = DescribedPredicate.describe(
                "Spring beans that are not views (or classes nested in one)", ArchitectureTest::isOrIsInsideNonViewBean);
        classes().that().resideInAPackage("vn.gbv.portal..")
                .and().resideOutsideOfPackage("vn.gbv.portal.demo..") // start-up tooling that writes the demo city
                .and(DescribedPredicate.not(DATA_ACCESS))
                .and(usesDataAccess)
                .should(ArchConditions.be(beanOrInsideOne))
                .because("repositories, JdbcTemplate/JdbcClient and query classes are used by services only")
                .check(classes);
    }

    private static boolean isOrIsInsideNonViewBean(JavaClass c) {
        for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            if (NON_VIEW_BEAN.test(k) || DATA_ACCESS.test(k)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyRouteSaysWhoMayOpenIt() {
        classes().that().areAnnotatedWith(Route.class).or().areAnnotatedWith(Layout.class)
                .should().beAnnotatedWith(RolesAllowed.class)
                .orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(AnonymousAllowed.class)
                .orShould().beAnnotatedWith(DenyAll.class)
                .because("a route without an access annotation is an accident waiting to happen")
                .check(classes);
    }

    @Test
    void everyPublicServiceMethodSaysWhoMayCallIt() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Service.class)
                .and().arePublic()
                .and().doNotHaveModifier(JavaModifier.SYNTHETIC)
                .and().areDeclaredInClassesThat(DescribedPredicate.describe("without a class-level @PreAuthorize",
                        c -> !c.isAnnotatedWith(PreAuthorize.class)))
                .should().beAnnotatedWith(PreAuthorize.class)
                .orShould().beAnnotatedWith(OpenToAnyCaller.class)
                .because("a service is the last line of defence: @PreAuthorize, or @OpenToAnyCaller with the reason")
                .check(classes);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("vn.gbv.portal.(*)..").should().beFreeOfCycles().check(classes);
    }
}
