package vn.gbv.portal.base;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public service method that deliberately has no {@code @PreAuthorize}: it is called
 * before anyone signs in (the login, start-up jobs), or it checks the caller itself (the unit scope,
 * the learner's own person). The reason is required, so that a reviewer can judge it; the
 * architecture test accepts a public service method only with {@code @PreAuthorize} or this.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OpenToAnyCaller {

    /** Why no role check applies. */
    String value();
}
