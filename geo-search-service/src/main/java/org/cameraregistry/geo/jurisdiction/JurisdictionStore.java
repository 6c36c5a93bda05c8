package org.cameraregistry.geo.jurisdiction;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * The departments' jurisdictions, one document per department. Setting one replaces it whole:
 * the last DEPT_ADMIN to set it decides, and who did it and when is kept with it.
 */
public class JurisdictionStore {

    private final MongoCollection<Document> jurisdictions;

    public JurisdictionStore(MongoDatabase database) {
        this.jurisdictions = database.getCollection("jurisdictions");
    }

    public void save(Jurisdiction jurisdiction, String setBy) {
        jurisdictions.replaceOne(eq("_id", jurisdiction.departmentId()), new Document("_id", jurisdiction.departmentId())
                        .append("geometry", new Document(jurisdiction.shape().toGeoJson()))
                        .append("vertices", jurisdiction.shape().vertices())
                        .append("updatedAt", Date.from(jurisdiction.updatedAt()))
                        .append("updatedBy", setBy),
                new ReplaceOptions().upsert(true));
    }

    public Optional<Jurisdiction> find(String departmentId) {
        return Optional.ofNullable(jurisdictions.find(eq("_id", departmentId)).first()).map(document -> new Jurisdiction(
                departmentId,
                // What was stored passed every check when it was set, a since lowered vertex limit included.
                JurisdictionShape.of(document.get("geometry", Document.class), Integer.MAX_VALUE),
                Instant.ofEpochMilli(document.getDate("updatedAt").getTime())));
    }
}
