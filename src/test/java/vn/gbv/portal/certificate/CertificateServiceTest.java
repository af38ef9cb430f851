package vn.gbv.portal.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.gbv.portal.certificate.CertificateFixture.ANH_WARD_A;
import static vn.gbv.portal.certificate.CertificateFixture.IN_DEPTH_COURSE;
import static vn.gbv.portal.certificate.CertificateFixture.KNOWLEDGE_COURSE;
import static vn.gbv.portal.certificate.CertificateFixture.LEARNER;
import static vn.gbv.portal.certificate.CertificateFixture.MANAGER_PERSON;
import static vn.gbv.portal.certificate.CertificateFixture.VIET_WARD_B;
import static vn.gbv.portal.certificate.CertificateFixture.as;
import static vn.gbv.portal.certificate.CertificateFixture.complete;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.jdbc.Sql;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.certificate.CertificateService.BulkRequest;
import vn.gbv.portal.certificate.CertificateService.MyCertificate;
import vn.gbv.portal.certificate.CertificateService.RevocationReason;
import vn.gbv.portal.certificate.CertificateService.Status;
import vn.gbv.portal.certificate.CertificateService.Verification;
import vn.gbv.portal.security.AccessDeniedForScopeException;

@SpringBootTest
@Sql("/sql/test-accounts.sql")
class CertificateServiceTest {

    private static final LocalDate MARCH = LocalDate.of(2026, 3, 5);

    @Autowired CertificateService certificates;
    @Autowired VerifyRateLimit rateLimit;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void data() {
        CertificateFixture.load(jdbc);
        jdbc.update("delete from certificate_verify_rate");
    }

    @Test
    void oneCertificatePerEffectiveCompletionWithASerialOfTheYearAndAnUnguessableCode() {
        long completion = complete(jdbc, LEARNER, KNOWLEDGE_COURSE, MARCH);
        List<MyCertificate> first = as("t-learner", "LEARNER", () -> certificates.mine());
        List<MyCertificate> again = as("t-learner", "LEARNER", () -> certificates.mine());

        assertThat(first).hasSize(1);
        assertThat(again).isEqualTo(first);
        MyCertificate c = first.getFirst();
        assertThat(c.serial()).matches(LocalDate.now().getYear() + "-\\d{6}");
        String code = c.verificationUrl().substring(c.verificationUrl().lastIndexOf('/') + 1);
        assertThat(code).matches("[A-Z2-7]{26}").doesNotContain(String.valueOf(completion));
        assertThat(c.verificationUrl()).isEqualTo("http://localhost:8080/verify/" + code);
        assertThat(jdbc.queryForObject("select count(*) from certificate where completion_id = ?", Integer.class, completion))
                .isEqualTo(1);
    }

    @Test
    void theQrCodeOfTheDownloadedPdfOpensAVerificationThatSaysValidThenRevoked() throws Exception {
        complete(jdbc, LEARNER, KNOWLEDGE_COURSE, MARCH);
        MyCertificate mine = as("t-learner", "LEARNER", () -> certificates.mine()).getFirst();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        as("t-learner", "LEARNER", () -> certificates.writeMine(mine.id(), pdf));

        String url = PrintedQrCodes.read(pdf.toByteArray());
        assertThat(url).isEqualTo(mine.verificationUrl());
        String code = url.substring(url.lastIndexOf('/') + 1);

        Verification valid = certificates.verify(code, "198.51.100.1");
        assertThat(valid.status()).isEqualTo(Status.VALID);
        assertThat(valid.maskedName()).isEqualTo("Nguyễn T. H.").isNotEqualTo("Nguyễn Thị Học");
        assertThat(valid.title()).isEqualTo("Khóa thử nghiệm về bạo lực trên cơ sở giới");
        assertThat(valid.issuer()).isEqualTo("SỞ NỘI VỤ");
        // typed by hand, in lower case with spaces
        assertThat(certificates.verify(code.toLowerCase().substring(0, 10) + " " + code.toLowerCase().substring(10),
                "198.51.100.1").status()).isEqualTo(Status.VALID);

        as("t-admin", "ADMIN", () -> certificates.revoke(mine.id(), RevocationReason.ISSUED_IN_ERROR, "cấp nhầm người"));
        Verification revoked = certificates.verify(code, "198.51.100.1");
        assertThat(revoked.status()).isEqualTo(Status.REVOKED);
        assertThat(revoked.revokedReason()).isEqualTo(RevocationReason.ISSUED_IN_ERROR);
        assertThat(revoked.revokedAt()).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'certificate.revoke' and entity_id = ?",
                Integer.class, String.valueOf(mine.id()))).isEqualTo(1);

        assertThat(certificates.verify(certificates.newCode(), "198.51.100.1").status()).isEqualTo(Status.UNKNOWN);
        assertThat(certificates.verify("not a code", "198.51.100.1").status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aRevokedCompletionMakesItsCertificateRevokedOnTheVerificationPage() {
        long completion = complete(jdbc, LEARNER, KNOWLEDGE_COURSE, MARCH);
        MyCertificate mine = as("t-learner", "LEARNER", () -> certificates.mine()).getFirst();
        jdbc.update("insert into completion_revocation (completion_id, reason, revoked_by) values (?, 'nhập nhầm', 'test')",
                completion);
        String code = mine.verificationUrl().substring(mine.verificationUrl().lastIndexOf('/') + 1);
        Verification v = certificates.verify(code, "198.51.100.2");
        assertThat(v.status()).isEqualTo(Status.REVOKED);
        assertThat(v.revokedReason()).isEqualTo(RevocationReason.RESULT_WITHDRAWN);
        assertThat(as("t-learner", "LEARNER", () -> certificates.mine())).isEmpty();
    }

    @Test
    void reissueWithACorrectedNameGivesANewSerialAndTheOldOnePointsToIt() throws Exception {
        complete(jdbc, LEARNER, KNOWLEDGE_COURSE, MARCH);
        MyCertificate old = as("t-learner", "LEARNER", () -> certificates.mine()).getFirst();

        var fresh = as("t-admin", "ADMIN", () -> certificates.reissue(old.id(), "  Nguyễn Thị  Hương ", "đổi tên theo CCCD"));

        assertThat(fresh.serial()).isNotEqualTo(old.serial());
        assertThat(fresh.holderName()).isEqualTo("Nguyễn Thị Hương");
        Verification oldCheck = certificates.verify(code(old.verificationUrl()), "198.51.100.3");
        assertThat(oldCheck.status()).isEqualTo(Status.REVOKED);
        assertThat(oldCheck.revokedReason()).isEqualTo(RevocationReason.DETAILS_CORRECTED);
        assertThat(oldCheck.replacedBySerial()).isEqualTo(fresh.serial());
        assertThat(certificates.verify(code(fresh.verificationUrl()), "198.51.100.3").status()).isEqualTo(Status.VALID);

        List<MyCertificate> now = as("t-learner", "LEARNER", () -> certificates.mine());
        assertThat(now).extracting(MyCertificate::serial).containsExactly(fresh.serial());
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        as("t-learner", "LEARNER", () -> certificates.writeMine(now.getFirst().id(), pdf));
        assertThat(new PdfTextExtractor(new PdfReader(pdf.toByteArray())).getTextFromPage(1)).contains("Nguyễn Thị Hương");
        assertThat(jdbc.queryForList("select action from audit_event where entity_id = ?", String.class,
                String.valueOf(old.id()))).contains("certificate.reissue");
        assertThatThrownBy(() -> as("t-admin", "ADMIN", () -> certificates.reissue(old.id(), "Ai Đó", null)))
                .isInstanceOf(RefusedException.class);
    }

    @Test
    void aLearnerCannotFetchAnotherPersonsCertificate() {
        complete(jdbc, MANAGER_PERSON, KNOWLEDGE_COURSE, MARCH);
        long managers = as("t-manager", "UNIT_MANAGER", () -> certificates.mine()).getFirst().id();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> as("t-learner", "LEARNER", () -> certificates.writeMine(managers, out)))
                .isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> as("t-learner", "LEARNER", () -> certificates.writeAny(managers, out)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(out.size()).isZero();
    }

    @Test
    void theProgrammeCertificateComesWhenTheRuleIsMet() {
        complete(jdbc, LEARNER, KNOWLEDGE_COURSE, MARCH);
        assertThat(as("t-learner", "LEARNER", () -> certificates.mine())).noneMatch(MyCertificate::programme);
        complete(jdbc, LEARNER, IN_DEPTH_COURSE, MARCH.plusDays(10));
        List<MyCertificate> all = as("t-learner", "LEARNER", () -> certificates.mine());
        assertThat(all).hasSize(3);
        MyCertificate programme = all.stream().filter(MyCertificate::programme).findFirst().orElseThrow();
        assertThat(programme.earnedOn()).isEqualTo(MARCH.plusDays(10));
        assertThat(as("t-learner", "LEARNER", () -> certificates.mine())).hasSize(3);
    }

    @Test
    void aManagersZipHoldsOnlyTheirUnitsCertificatesAndAnIndex() throws Exception {
        complete(jdbc, ANH_WARD_A, KNOWLEDGE_COURSE, MARCH);
        complete(jdbc, LEARNER, KNOWLEDGE_COURSE, MARCH);
        complete(jdbc, VIET_WARD_B, KNOWLEDGE_COURSE, MARCH);
        BulkRequest wardA = new BulkRequest(9002, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), Set.of());

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        List<Integer> progress = new ArrayList<>();
        as("t-manager", "UNIT_MANAGER", () -> certificates.writeZip(wardA, zip, progress::add));

        List<String> names = new ArrayList<>();
        String allText = "";
        byte[] index = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
                byte[] bytes = in.readAllBytes();
                if (e.getName().endsWith(".pdf")) {
                    allText += new PdfTextExtractor(new PdfReader(bytes)).getTextFromPage(1);
                } else {
                    index = bytes;
                }
            }
        }
        assertThat(names).containsExactlyInAnyOrder("danh-sach.xlsx",
                "Phường A/Nguyễn Thị Học - Khóa thử nghiệm về bạo lực trên cơ sở giới.pdf",
                "Phường A/Đặng Thị Ngọc Ánh - Khóa thử nghiệm về bạo lực trên cơ sở giới.pdf");
        assertThat(allText).contains("Đặng Thị Ngọc Ánh").doesNotContain("Trần Đức Việt");
        assertThat(progress).containsExactly(1, 2);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(index))) {
            List<String> holders = workbook.getFirstSheet().read().stream().skip(1)
                    .map(r -> r.getCellText(1)).toList();
            assertThat(holders).containsExactlyInAnyOrder("Nguyễn Thị Học", "Đặng Thị Ngọc Ánh");
        }

        // whatever the request says: the city (above their ward) and ward B are refused
        for (long other : new long[] {9001, 9003}) {
            BulkRequest outside = new BulkRequest(other, wardA.from(), wardA.to(), Set.of());
            ByteArrayOutputStream nothing = new ByteArrayOutputStream();
            assertThatThrownBy(() -> as("t-manager", "UNIT_MANAGER", () -> certificates.writeZip(outside, nothing, n -> { })))
                    .isInstanceOf(AccessDeniedForScopeException.class);
            assertThat(nothing.size()).isZero();
        }
        assertThatThrownBy(() -> as("t-learner", "LEARNER", () -> certificates.count(wardA)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theRateLimitAnswersOnceTheLimitIsPassed() {
        String code = certificates.newCode();
        for (int i = 0; i < rateLimit.maxLookups(); i++) {
            assertThat(certificates.verify(code, "203.0.113.7").status()).isEqualTo(Status.UNKNOWN);
        }
        assertThat(certificates.verify(code, "203.0.113.7").status()).isEqualTo(Status.TOO_MANY_LOOKUPS);
        // another address is not affected
        assertThat(certificates.verify(code, "203.0.113.8").status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void concurrentIssuersShareNoSerialAndIssueOneCertificatePerCompletion() throws Exception {
        List<Long> completions = new ArrayList<>();
        for (long course : new long[] {KNOWLEDGE_COURSE, IN_DEPTH_COURSE}) {
            for (long person : CertificateFixture.PEOPLE) {
                completions.add(complete(jdbc, person, course, MARCH));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> issued = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (long completion : completions) {
                    Callable<Long> issue = () -> as("t-admin", "ADMIN", () -> certificates.issueForCompletion(completion));
                    issued.add(pool.submit(issue));
                }
            }
            Set<Long> ids = new HashSet<>();
            for (Future<Long> f : issued) {
                ids.add(f.get());
            }
            assertThat(ids).hasSize(completions.size());
        } finally {
            pool.shutdown();
        }
        List<String> serials = jdbc.queryForList("select serial from certificate where completion_id in ("
                + String.join(",", completions.stream().map(String::valueOf).toList()) + ")", String.class);
        assertThat(serials).hasSize(completions.size()).doesNotHaveDuplicates();
    }

    private static String code(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
