package org.cameraregistry.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.cameraregistry.events.access.LiveAccessOpened;
import org.cameraregistry.events.account.AccountEmailChangeRequested;
import org.cameraregistry.events.account.AccountEmailChanged;
import org.cameraregistry.events.account.AccountErased;
import org.cameraregistry.events.account.AccountRegistered;
import org.cameraregistry.events.account.AccountVerificationRequested;
import org.cameraregistry.events.account.PasswordResetRequested;
import org.cameraregistry.events.account.StaffInvited;
import org.cameraregistry.events.camera.CameraDeregistered;
import org.cameraregistry.events.camera.CameraPaused;
import org.cameraregistry.events.camera.CameraResumed;
import org.cameraregistry.events.camera.CameraRegistered;
import org.cameraregistry.events.camera.CameraUpdated;
import org.cameraregistry.events.incident.IncidentClosed;
import org.cameraregistry.events.incident.IncidentCamerasLocated;
import org.cameraregistry.events.incident.IncidentDeclared;
import org.cameraregistry.events.incident.IncidentUpdated;
import org.cameraregistry.events.notification.NotificationDelivered;
import org.cameraregistry.events.notification.NotificationFailed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();
    private final JsonMapper json = new JsonMapper();

    static Stream<Arguments> everyEvent() {
        return Stream.of(
                Arguments.of("camera-registered", CameraRegistered.TYPE, SampleEvents.cameraRegistered()),
                Arguments.of("camera-updated", CameraUpdated.TYPE, SampleEvents.cameraUpdated()),
                Arguments.of("camera-registered by an import", CameraRegistered.TYPE, SampleEvents.cameraRegisteredByAnImport()),
                Arguments.of("camera-paused", CameraPaused.TYPE, SampleEvents.cameraPaused()),
                Arguments.of("camera-resumed", CameraResumed.TYPE, SampleEvents.cameraResumed()),
                Arguments.of("camera-deregistered", CameraDeregistered.TYPE, SampleEvents.cameraDeregistered()),
                Arguments.of("incident-declared", IncidentDeclared.TYPE, SampleEvents.incidentDeclared()),
                Arguments.of("incident-declared with the default radius", IncidentDeclared.TYPE,
                        SampleEvents.incidentDeclaredWithTheDefaultRadius()),
                Arguments.of("incident-updated", IncidentUpdated.TYPE, SampleEvents.incidentUpdated()),
                Arguments.of("incident-cameras-located", IncidentCamerasLocated.TYPE, SampleEvents.incidentCamerasLocated()),
                Arguments.of("incident-closed", IncidentClosed.TYPE, SampleEvents.incidentClosed()),
                Arguments.of("account-registered", AccountRegistered.TYPE, SampleEvents.accountRegistered()),
                Arguments.of("account-email-changed", AccountEmailChanged.TYPE, SampleEvents.accountEmailChanged()),
                Arguments.of("account-verification-requested", AccountVerificationRequested.TYPE,
                        SampleEvents.accountVerificationRequested()),
                Arguments.of("password-reset-requested", PasswordResetRequested.TYPE,
                        SampleEvents.passwordResetRequested()),
                Arguments.of("account-email-change-requested", AccountEmailChangeRequested.TYPE,
                        SampleEvents.accountEmailChangeRequested()),
                Arguments.of("staff-invited", StaffInvited.TYPE, SampleEvents.staffInvited()),
                Arguments.of("account-erased", AccountErased.TYPE, SampleEvents.accountErased()),
                Arguments.of("live-access-opened", LiveAccessOpened.TYPE, SampleEvents.liveAccessOpened()),
                Arguments.of("notification-delivered", NotificationDelivered.TYPE,
                        SampleEvents.notificationDelivered()),
                Arguments.of("notification-failed", NotificationFailed.TYPE, SampleEvents.notificationFailed()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEvent")
    <T> void serializedEventIsValidAgainstItsSchemaAndReadsBackEqual(String name, EventType<T> type,
            EventEnvelope<T> event) {
        byte[] bytes = codec.write(type, event);

        JsonNode tree = json.readTree(bytes);
        List<Error> errors = codec.schemaOf(type).validate(tree);
        assertThat(errors).isEmpty();
        assertThat(tree.path("specversion").asString()).isEqualTo("1.0");
        assertThat(tree.path("type").asString()).isEqualTo(type.type());
        assertThat(tree.path("dataschema").asString()).isEqualTo(type.schemaId());
        assertThat(tree.path("subject").asString()).isEqualTo(event.subject());
        assertThat(tree.path("time").asString()).isEqualTo("2026-11-23T18:30:15.123Z");

        assertThat(codec.read(bytes, type)).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEvent")
    <T> void schemaRejectsTheEventWithoutItsId(String name, EventType<T> type, EventEnvelope<T> event) {
        ObjectNode tree = (ObjectNode) json.readTree(codec.write(type, event));
        tree.remove("id");

        assertThat(codec.schemaOf(type).validate(tree)).isNotEmpty();
    }

    @Test
    void latitudeOutOfRangeIsRefusedNamingTheField() {
        ObjectNode tree = (ObjectNode) json.readTree(codec.write(CameraRegistered.TYPE, SampleEvents.cameraRegistered()));
        ((ObjectNode) tree.path("data").path("camera")).put("latitude", 91.0);

        assertThatThrownBy(() -> codec.read(json.writeValueAsBytes(tree), CameraRegistered.TYPE))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("camera-registered.v1.json")
                .hasMessageContaining("latitude");
    }

    @Test
    void unknownLevelIsRefused() {
        ObjectNode tree = (ObjectNode) json.readTree(codec.write(CameraRegistered.TYPE, SampleEvents.cameraRegistered()));
        ((ObjectNode) tree.path("data").path("camera")).put("level", "LEVEL_9");

        assertThatThrownBy(() -> codec.read(json.writeValueAsBytes(tree), CameraRegistered.TYPE))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("level");
    }

    @Test
    void malformedJsonIsRefusedAsNotJson() {
        byte[] garbage = "{\"id\": \"x\", ".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.read(garbage, CameraRegistered.TYPE))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("not JSON");
    }

    @Test
    void anEventOfAnotherTypeIsRefused() {
        byte[] incident = codec.write(IncidentClosed.TYPE, SampleEvents.incidentClosed());

        assertThatThrownBy(() -> codec.read(incident, CameraRegistered.TYPE))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("expected an event of type org.cameraregistry.camera-registered.v1");
    }

    @Test
    void aMalformedCameraIdIsRefused() {
        ObjectNode tree = (ObjectNode) json.readTree(codec.write(CameraRegistered.TYPE, SampleEvents.cameraRegistered()));
        ((ObjectNode) tree.path("data")).put("cameraId", "not-a-uuid");

        assertThatThrownBy(() -> codec.read(json.writeValueAsBytes(tree), CameraRegistered.TYPE))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("cameraId");
    }

    @Test
    void fieldsAddedByANewerProducerAreIgnored() {
        EventEnvelope<CameraRegistered> event = SampleEvents.cameraRegistered();
        ObjectNode tree = (ObjectNode) json.readTree(codec.write(CameraRegistered.TYPE, event));
        ((ObjectNode) tree.path("data").path("camera")).put("mountHeightMeters", 3.5);
        tree.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        assertThat(codec.read(json.writeValueAsBytes(tree), CameraRegistered.TYPE)).isEqualTo(event);
    }

    @Test
    void aProducerCannotPublishAnEventThatBreaksItsSchema() {
        EventEnvelope<CameraRegistered> valid = SampleEvents.cameraRegistered();
        CameraRegistered badVersion = new CameraRegistered(valid.data().cameraId(), 0, valid.data().camera(),
                valid.data().registeredAt(), valid.data().ownerId());
        EventEnvelope<CameraRegistered> invalid = new EventEnvelope<>(valid.specversion(), valid.id(), valid.source(),
                valid.type(), valid.time(), valid.subject(), valid.datacontenttype(), valid.dataschema(), badVersion);

        assertThatThrownBy(() -> codec.write(CameraRegistered.TYPE, invalid))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version");
    }
}
