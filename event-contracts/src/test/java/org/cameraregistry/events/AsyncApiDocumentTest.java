package org.cameraregistry.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

class AsyncApiDocumentTest {

    private static final List<EventType<?>> EVERY_EVENT_TYPE = List.of(CameraRegistered.TYPE, CameraUpdated.TYPE,
            CameraPaused.TYPE, CameraResumed.TYPE, CameraDeregistered.TYPE, IncidentDeclared.TYPE, IncidentUpdated.TYPE,
            IncidentCamerasLocated.TYPE, IncidentClosed.TYPE, AccountRegistered.TYPE,
            AccountEmailChanged.TYPE, AccountEmailChangeRequested.TYPE, AccountVerificationRequested.TYPE, PasswordResetRequested.TYPE, StaffInvited.TYPE,
            AccountErased.TYPE,
            LiveAccessOpened.TYPE, NotificationDelivered.TYPE, NotificationFailed.TYPE);

    private final JsonNode asyncApi = read("asyncapi.yaml", new YAMLMapper());

    @Test
    void isAnAsyncApi3Document() {
        assertThat(asyncApi.path("asyncapi").asString()).startsWith("3.");
    }

    @Test
    void everyTopicHasAChannelWhoseMessagePointsAtTheSchemaOfItsEvent() {
        for (EventType<?> type : EVERY_EVENT_TYPE) {
            JsonNode channel = channelAt(type.topic());
            assertThat(channel).as("channel for %s", type.topic()).isNotNull();

            String messageRef = channel.path("messages").values().iterator().next().path("$ref").asString();
            JsonNode message = asyncApi.at(messageRef.substring(1));
            String schemaRef = message.path("payload").path("schema").path("$ref").asString();
            assertThat(schemaRef).isEqualTo("./schemas/" + type.schemaFile());

            JsonNode schema = read("schemas/" + type.schemaFile(), new JsonMapper());
            assertThat(schema.path("$id").asString()).isEqualTo(type.schemaId());
            assertThat(schema.at("/properties/type/const").asString()).isEqualTo(type.type());
        }
    }

    @Test
    void everyTopicConstantIsDescribedAndEveryChannelIsAKnownTopicOrItsDeadLetterTopic() {
        List<String> addresses = channelAddresses();
        assertThat(addresses).containsAll(Topics.all());
        assertThat(addresses).allSatisfy(address -> assertThat(
                Topics.all().contains(address)
                        || Topics.all().stream().anyMatch(topic -> address.startsWith(topic + ".") && address.endsWith(".dlq")))
                .as("%s is a topic or a dead-letter topic", address).isTrue());
        assertThat(Stream.of(Topics.class.getFields()).map(field -> field.getName()).toList())
                .hasSize(Topics.all().size());
    }

    @Test
    void everyEventTypeIsListedHere() {
        assertThat(EVERY_EVENT_TYPE).extracting(EventType::topic).containsExactlyInAnyOrderElementsOf(Topics.all());
    }

    @Test
    void onlyTheContactEventsCarryAnAddressAndOnlyNotificationServiceReceivesThem() {
        for (EventType<?> type : EVERY_EVENT_TYPE) {
            JsonNode data = read("schemas/" + type.schemaFile(), new JsonMapper()).at("/properties/data/properties");
            boolean carriesAddress = data.properties().stream().anyMatch(property -> property.getKey().toLowerCase()
                    .contains("email") || "email".equals(property.getValue().path("format").asString()));
            assertThat(carriesAddress).as("%s carries an email address", type.topic())
                    .isEqualTo(Topics.carryingAddresses().contains(type.topic()));
        }
        for (String topic : Topics.carryingAddresses()) {
            String channel = "#/channels/" + channelNameAt(topic);
            List<String> receivers = new ArrayList<>();
            asyncApi.path("operations").values().forEach(operation -> {
                if ("receive".equals(operation.path("action").asString())
                        && channel.equals(operation.path("channel").path("$ref").asString())) {
                    operation.path("tags").values().forEach(tag -> receivers.add(tag.path("name").asString()));
                }
            });
            assertThat(receivers).as("who receives %s", topic).containsExactly("notification-service");
        }
    }

    @Test
    void everyOperationNamesAChannelOfTheDocument() {
        asyncApi.path("operations").properties().forEach(operation -> {
            String ref = operation.getValue().path("channel").path("$ref").asString();
            assertThat(asyncApi.at(ref.substring(1)).isMissingNode()).as(operation.getKey()).isFalse();
            assertThat(operation.getValue().path("action").asString()).isIn("send", "receive");
        });
    }

    @Test
    void everyChannelHasASenderAndEveryReceiverItsConsumerGroup() {
        Set<String> sent = new HashSet<>();
        asyncApi.path("operations").properties().forEach(operation -> {
            JsonNode value = operation.getValue();
            assertThat(value.path("tags").values()).as("%s names its service", operation.getKey()).hasSize(1);
            if (value.path("action").asString().equals("send")) {
                sent.add(value.path("channel").path("$ref").asString());
            } else {
                // What deployments grant (Kafka ACLs) and scale by (a shared group's consumers never exceed its partitions).
                JsonNode group = value.at("/bindings/kafka/groupId");
                assertThat(group.has("const") || group.has("pattern")).as("%s names its consumer group", operation.getKey()).isTrue();
            }
        });
        assertThat(asyncApi.path("channels").propertyNames()).allSatisfy(channel ->
                assertThat(sent).as("someone sends to %s", channel).contains("#/channels/" + channel));
    }

    private JsonNode channelAt(String address) {
        for (JsonNode channel : asyncApi.path("channels").values()) {
            if (address.equals(channel.path("address").asString())) {
                return channel;
            }
        }
        return null;
    }

    private String channelNameAt(String address) {
        return asyncApi.path("channels").properties().stream()
                .filter(channel -> address.equals(channel.getValue().path("address").asString()))
                .map(channel -> channel.getKey()).findFirst().orElseThrow();
    }

    private List<String> channelAddresses() {
        List<String> addresses = new ArrayList<>();
        asyncApi.path("channels").values().forEach(channel -> addresses.add(channel.path("address").asString()));
        return addresses;
    }

    private static JsonNode read(String resource, JsonMapper mapper) {
        return readWith(resource, mapper);
    }

    private static JsonNode read(String resource, YAMLMapper mapper) {
        return readWith(resource, mapper);
    }

    private static JsonNode readWith(String resource, tools.jackson.databind.ObjectMapper mapper) {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
