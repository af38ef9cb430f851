package vn.gbv.portal.security;

import org.springframework.security.access.AccessDeniedException;

/** A request for data outside the caller's unit scope (a crafted URL or id, for instance). */
public class AccessDeniedForScopeException extends AccessDeniedException {

    public AccessDeniedForScopeException(String message) {
        super(message);
    }
}
