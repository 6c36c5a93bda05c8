package org.cameraregistry.chassis.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cameraregistry.chassis.problem.DefaultProblemDetailsAdvice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The resolver binds a record of query parameters as Spring's own constructor binding does: the
 * same record behind two endpoints, one bound by each, answers every question the same way.
 */
class QueryRecordArgumentResolverTest {

    private static MockMvc mvc;

    enum Colour { RED, GREEN }

    record Query(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat, @Min(1) @Max(100) Integer limit,
            List<Colour> colours, TimeUnit unit, String label) {
    }

    @RestController
    static class Queries {

        @GetMapping("/resolved")
        Query resolved(@Valid @ParameterObject Query query) {
            return query;
        }

        @GetMapping("/spring")
        Query spring(@Valid Query query) {
            return query;
        }

        @GetMapping("/unvalidated")
        Query unvalidated(@ParameterObject Query query) {
            return query;
        }
    }

    @BeforeAll
    static void setUp() {
        mvc = MockMvcBuilders.standaloneSetup(new Queries())
                .setCustomArgumentResolvers(new QueryRecordArgumentResolver())
                .setControllerAdvice(new DefaultProblemDetailsAdvice(), new StrictInputAutoConfiguration.StrictNumbersInRequests())
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "lat=32.5&limit=5&colours=RED,GREEN&unit=SECONDS&label=porch",
            "lat=32.5&colours=RED&colours=GREEN",
            "lat=-90",
            "lat=32.5&limit=",
            "lat=32.5&colours=",
            "lat=32.5&unknown=3",
            "",
            "lat=91",
            "lat=abc",
            "lat=0x10",
            "lat=NaN",
            "lat=32.5&limit=0",
            "lat=32.5&limit=1.5",
            "lat=32.5&limit=101&unit=FORTNIGHTS",
            "lat=abc&limit=500",
            "limit=abc"})
    void answersAsSpringsOwnBinding(String query) throws Exception {
        MockHttpServletResponse resolved = mvc.perform(get("/resolved?" + query)).andReturn().getResponse();
        MockHttpServletResponse spring = mvc.perform(get("/spring?" + query)).andReturn().getResponse();

        assertThat(resolved.getStatus()).as(query).isEqualTo(spring.getStatus());
        assertThat(resolved.getContentAsString().replace("\"/resolved\"", "\"/spring\""))
                .as(query).isEqualTo(spring.getContentAsString());
    }

    @Test
    void readsEachComponentFromItsParameter() throws Exception {
        String body = mvc.perform(get("/resolved?lat=32.5&limit=5&colours=RED,GREEN&unit=SECONDS&label=porch"))
                .andReturn().getResponse().getContentAsString();

        assertThat(body).isEqualTo("{\"lat\":32.5,\"limit\":5,\"colours\":[\"RED\",\"GREEN\"],\"unit\":\"SECONDS\",\"label\":\"porch\"}");
    }

    @Test
    void aListItemOfNoKnownValueIsAnsweredWithTheValuesThereAre() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/resolved?lat=32.5&colours=RED,BLUE")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString())
                .contains("\"field\":\"colours\"", "must be one of [RED, GREEN]")
                .doesNotContain("List");
    }

    @Test
    void withoutValidIsNotValidated() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/unvalidated?lat=91")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("\"lat\":91.0");
    }
}
