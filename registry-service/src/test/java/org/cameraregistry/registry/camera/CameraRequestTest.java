package org.cameraregistry.registry.camera;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import org.cameraregistry.events.camera.CameraDetails;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CameraRequestTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aCameraWithItsRequiredFieldsOnlyIsValidAndRecordsNoAudio() {
        CameraRequest request = new CameraRequest("Porch", 32.78, -96.8, CameraLevel.LEVEL_1, null, null, null, null, null, null);

        assertThat(validator.validate(request)).isEmpty();
        CameraDetails details = request.toDetails();
        assertThat(details.recordsAudio()).isFalse();
        assertThat(details.sharesPastFootage()).isFalse();
        assertThat(details.views()).isEmpty();
    }

    @Test
    void theLabelIsStoredWithoutSurroundingSpace() {
        assertThat(new CameraRequest("  Porch ", 32.78, -96.8, CameraLevel.LEVEL_1, null, null, null, true, null, null)
                .toDetails().label()).isEqualTo("Porch");
    }

    @Test
    void everyBoundIsInclusive() {
        assertThat(validator.validate(new CameraRequest("x".repeat(120), 90.0, 180.0, CameraLevel.LEVEL_2, 359, 360,
                Set.of(CameraView.values()), true, 365, true))).isEmpty();
        assertThat(validator.validate(new CameraRequest("x", -90.0, -180.0, CameraLevel.LEVEL_2, 0, 1, Set.of(), false, 1, false)))
                .isEmpty();
    }

    @Test
    void eachFieldOutOfItsRangeIsNamed() {
        CameraRequest wrong = new CameraRequest("x".repeat(121), 90.1, -180.1, null, 360, 0, null, null, 366, null);

        assertThat(validator.validate(wrong)).extracting(ConstraintViolation::getPropertyPath).map(Object::toString)
                .containsExactlyInAnyOrder("label", "latitude", "longitude", "level", "facingDegrees",
                        "fieldOfViewDegrees", "retentionDays");
    }
}
