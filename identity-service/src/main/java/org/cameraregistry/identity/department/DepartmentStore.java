package org.cameraregistry.identity.department;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** The departments (collection {@code departments}); their jurisdictions are geo-search's (docs/adr/0012). */
@Component
public class DepartmentStore {

    private final MongoCollection<Document> departments;

    DepartmentStore(MongoDatabase database) {
        this.departments = database.getCollection("departments");
    }

    /** Registers a department; false, changing nothing, if one has its id already. */
    public boolean create(Department department) {
        try {
            departments.insertOne(new Document("_id", department.id()).append("name", department.name()));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Department> find(String id) {
        return Optional.ofNullable(departments.find(eq("_id", id)).first())
                .map(document -> new Department(document.getString("_id"), document.getString("name")));
    }
}
