package org.cameraregistry.identity.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cameraregistry.cli.SignIn;
import org.cameraregistry.events.EventCodec;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.account.StaffInvited;
import org.cameraregistry.identity.IdentityIntegrationTest;
import org.cameraregistry.identity.TestAccounts;
import org.cameraregistry.identity.account.Account;
import org.cameraregistry.identity.account.AccountStore;
import org.cameraregistry.identity.account.Role;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.ApiContract;
import org.cameraregistry.testkit.KafkaProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/** A department's admin keeps its staff, and nobody else's. */
class StaffIT extends IdentityIntegrationTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final String NEW_PASSWORD = "brass lantern quietly orbits";

    @Autowired
    private AccountStore store;
    @Autowired
    private PasswordEncoder passwords;

    private final String department = "pd-" + UUID.randomUUID().toString().substring(0, 8);
    private final String otherDepartment = "pd-" + UUID.randomUUID().toString().substring(0, 8);
    private ApiClient anonymous;
    private Account admin;
    private ApiClient asAdmin;
    private KafkaProbe kafka;

    @BeforeEach
    void twoDepartmentsWithAnAdminEach() {
        anonymous = new ApiClient(ISSUER).heldTo(ApiContract.of(ISSUER + "/v3/api-docs"));
        ApiClient operator = new ApiClient(ISSUER);
        for (String id : List.of(department, otherDepartment)) {
            ApiClient.Response registered = operator.post("/actuator/departments",
                    "{\"id\":\"" + id + "\",\"name\":\"" + id.toUpperCase() + " Police Department\"}");
            assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        }
        admin = staff(department, Role.DEPT_ADMIN);
        asAdmin = signedIn(admin.email());
        kafka = new KafkaProbe(INFRASTRUCTURE.kafkaBrokers(), Topics.STAFF_INVITED);
    }

    @AfterEach
    void closeProbe() {
        kafka.close();
    }

    @Test
    void anInvitedMemberChoosesTheirPasswordThroughTheEmailedLinkAndSignsInAsStaffOfTheDepartment() {
        String email = TestAccounts.unique("investigator");
        Account otherMember = staff(otherDepartment, Role.INVESTIGATOR);

        ApiClient.Response invited = asAdmin.post(staffPath(department),
                "{\"email\":\"" + email + "\",\"role\":\"INVESTIGATOR\",\"displayName\":\"Riley Detective\"}");

        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String memberId = invited.json().path("id").asString();
        assertThat(invited.header("Location")).hasValue("/api/departments/" + department + "/staff/" + memberId);
        assertThat(invited.json().path("invitationPending").asBoolean()).isTrue();
        StaffInvited event = CODEC.read(kafka.await(Topics.STAFF_INVITED, memberId, 1).getFirst().value(),
                StaffInvited.TYPE).data();
        assertThat(event.departmentId()).isEqualTo(department);
        assertThat(event.departmentName()).isEqualTo(department.toUpperCase() + " Police Department");
        assertThat(event.link().toString()).startsWith("https://identity.cameras.example/accounts/reset-password?token=");
        assertThatThrownBy(() -> signIn(email, NEW_PASSWORD)).as("before choosing a password")
                .isInstanceOf(SignIn.SignInRefusedException.class);

        String token = event.link().getQuery().substring("token=".length());
        ApiClient.Response chosen = anonymous.post("/api/accounts/password-reset/confirmation",
                "{\"token\":\"" + token + "\",\"password\":\"" + NEW_PASSWORD + "\"}");

        assertThat(chosen.status()).as(chosen.body()).isEqualTo(204);
        String memberToken = signIn(email, NEW_PASSWORD);
        JsonNode me = anonymous.withBearer(() -> memberToken).get("/api/me").json();
        assertThat(me.path("roles").values()).extracting(JsonNode::asString).containsExactly("INVESTIGATOR");
        assertThat(me.path("department").asString()).isEqualTo(department);
        assertThat(me.path("displayName").asString()).isEqualTo("Riley Detective");
        JsonNode listed = asAdmin.get(staffPath(department)).json().path("staff");
        assertThat(listed.values()).anySatisfy(member -> {
            assertThat(member.path("id").asString()).isEqualTo(memberId);
            assertThat(member.path("invitationPending").asBoolean()).isFalse();
        });
        assertThat(listed.values()).extracting(member -> member.path("email").asString())
                .containsExactlyInAnyOrder(admin.email(), email).doesNotContain(otherMember.email());
    }

    @Test
    void aDisabledMemberCannotSignInUntilEnabledAgain() {
        Account member = staff(department, Role.SUPERVISOR);
        signIn(member.email(), TestAccounts.PASSWORD);

        ApiClient.Response disabled = asAdmin.post(staffPath(department) + "/" + member.id() + "/disable", "");

        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().path("disabled").asBoolean()).isTrue();
        assertThatThrownBy(() -> signIn(member.email(), TestAccounts.PASSWORD)).isInstanceOf(SignIn.SignInRefusedException.class);

        assertThat(asAdmin.post(staffPath(department) + "/" + member.id() + "/enable", "").status()).isEqualTo(200);
        assertThat(signIn(member.email(), TestAccounts.PASSWORD)).isNotBlank();
    }

    @Test
    void anAdminCannotSeeOrTouchAnotherDepartmentsStaff() {
        Account theirs = staff(otherDepartment, Role.INVESTIGATOR);
        String invitation = "{\"email\":\"" + TestAccounts.unique("x") + "\",\"role\":\"INVESTIGATOR\"}";

        assertThat(asAdmin.get(staffPath(otherDepartment)).status()).isEqualTo(403);
        assertThat(asAdmin.post(staffPath(otherDepartment), invitation).status()).isEqualTo(403);
        assertThat(asAdmin.post(staffPath(otherDepartment) + "/" + theirs.id() + "/disable", "").status()).isEqualTo(403);
        ApiClient.Response throughOwnPath = asAdmin.post(staffPath(department) + "/" + theirs.id() + "/disable", "");
        assertThat(throughOwnPath.status()).isEqualTo(404);
        assertThat(throughOwnPath.json().path("type").asString()).endsWith("/staff-member-not-found");
        assertThat(store.findById(theirs.id())).hasValueSatisfying(account -> assertThat(account.disabled()).isFalse());
    }

    @Test
    void onlyTheDepartmentsAdminsKeepItsStaff() {
        String invitation = "{\"email\":\"" + TestAccounts.unique("x") + "\",\"role\":\"INVESTIGATOR\"}";
        Account investigator = staff(department, Role.INVESTIGATOR);
        Account owner = new TestAccounts(store, passwords).owner();

        assertThat(anonymous.get(staffPath(department)).status()).isEqualTo(401);
        assertThat(anonymous.post(staffPath(department), invitation).status()).isEqualTo(401);
        for (Account refused : List.of(investigator, owner)) {
            assertThat(signedIn(refused.email()).get(staffPath(department)).status()).isEqualTo(403);
            assertThat(signedIn(refused.email()).post(staffPath(department), invitation).status()).isEqualTo(403);
        }
    }

    @Test
    void aBadInvitationIsRefusedNamingWhyAndOpensNothing() {
        String taken = staff(otherDepartment, Role.INVESTIGATOR).email();
        String fresh = TestAccounts.unique("fresh");

        ApiClient.Response owner = asAdmin.post(staffPath(department), "{\"email\":\"" + fresh + "\",\"role\":\"OWNER\"}");
        ApiClient.Response unknownRole = asAdmin.post(staffPath(department), "{\"email\":\"" + fresh + "\",\"role\":\"CHIEF\"}");
        ApiClient.Response notAnAddress = asAdmin.post(staffPath(department), "{\"email\":\"nobody\",\"role\":\"INVESTIGATOR\"}");
        ApiClient.Response existing = asAdmin.post(staffPath(department), "{\"email\":\"" + taken + "\",\"role\":\"INVESTIGATOR\"}");

        for (ApiClient.Response refused : List.of(owner, unknownRole, notAnAddress)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        }
        assertThat(owner.json().path("errors").path(0).path("field").asString()).isEqualTo("role");
        assertThat(notAnAddress.json().path("errors").path(0).path("field").asString()).isEqualTo("email");
        assertThat(existing.status()).isEqualTo(409);
        assertThat(existing.json().path("type").asString()).endsWith("/address-taken");
        assertThat(store.findByEmail(fresh)).isEmpty();
    }

    @Test
    void anAdminCannotDisableThemselves() {
        ApiClient.Response refused = asAdmin.post(staffPath(department) + "/" + admin.id() + "/disable", "");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("type").asString()).endsWith("/disabling-yourself");
        assertThat(signIn(admin.email(), TestAccounts.PASSWORD)).isNotBlank();
    }

    @Test
    void theStaffOfADepartmentNobodyRegisteredIsNotFound() {
        String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient ghostAdmin = signedIn(staff(ghost, Role.DEPT_ADMIN).email());

        ApiClient.Response missing = ghostAdmin.get(staffPath(ghost));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("type").asString()).endsWith("/department-not-found");
    }

    private Account staff(String departmentId, Role role) {
        return new TestAccounts(store, passwords).create(TestAccounts.unique(role.name().toLowerCase()), true, Set.of(role),
                Optional.of(departmentId), false);
    }

    private ApiClient signedIn(String email) {
        String token = signIn(email, TestAccounts.PASSWORD);
        return anonymous.withBearer(() -> token);
    }

    private static String staffPath(String departmentId) {
        return "/api/departments/" + departmentId + "/staff";
    }

    private static String signIn(String email, String password) {
        return new SignIn(URI.create(ISSUER), "camera-cli", URI.create("http://127.0.0.1:41772/callback"))
                .withPassword(email, password).accessToken();
    }
}
