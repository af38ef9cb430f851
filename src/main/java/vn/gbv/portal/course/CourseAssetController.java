package vn.gbv.portal.course;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the images of lessons to signed-in users. A version's assets never change, so browsers
 * may keep them for a year: a learner on a weak connection downloads each image once.
 */
@RestController
class CourseAssetController {

    private static final String SVG = "image/svg+xml";

    private final CourseAssets assets;

    CourseAssetController(CourseAssets assets) {
        this.assets = assets;
    }

    /**
     * The editor's preview names a draft's images with the draft's id, negated, where a version id
     * stands: the same sanitiser, the same addresses. Drafts are for trainers only, never cached.
     */
    private ResponseEntity<byte[]> draftAsset(long draftId, String path) {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        boolean trainer = auth != null && auth.getAuthorities().stream().anyMatch(a ->
                a.getAuthority().equals(vn.gbv.portal.security.Role.TRAINER.authority())
                        || a.getAuthority().equals(vn.gbv.portal.security.Role.ADMIN.authority()));
        if (!trainer) {
            return ResponseEntity.status(org.springframework.http.HttpStatus.FORBIDDEN).build();
        }
        return assets.findInDraft(draftId, path).map(asset -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(asset.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "script-src 'none'")
                .body(asset.bytes())).orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/course-assets/{versionId}/{*path}")
    ResponseEntity<byte[]> asset(@PathVariable long versionId, @PathVariable String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (versionId < 0) {
            return draftAsset(-versionId, relative);
        }
        return assets.find(versionId, relative).map(asset -> {
            ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(asset.contentType()))
                    .header(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                    .header("X-Content-Type-Options", "nosniff");
            if (SVG.equals(asset.contentType())) {
                // An SVG opened on its own is a document: it must not run scripts.
                response.header("Content-Security-Policy", "script-src 'none'");
            }
            return response.body(asset.bytes());
        }).orElseGet(() -> ResponseEntity.notFound().build());
    }
}
