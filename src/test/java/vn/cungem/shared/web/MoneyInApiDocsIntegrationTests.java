package vn.cungem.shared.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.testsupport.IntegrationTest;

/**
 * Amounts are {@code Money} in Java but plain integers of đồng on the wire: the published API description must say so,
 * or generated clients would expect an object where the API sends a number.
 */
@IntegrationTest
class MoneyInApiDocsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void describesAmountsAsIntegersAndNoMoneyObject() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.schemas.PledgeRequest.properties.cashAmountVnd.type")
                        .value("integer"))
                .andExpect(jsonPath("$.components.schemas.PublicPledge.properties.cashAmountVnd.type")
                        .value("integer"))
                .andExpect(jsonPath("$.components.schemas.PublicPledge.properties.cashReceivedVnd.type")
                        .value("integer"))
                .andExpect(jsonPath("$.components.schemas.TransferDetails.properties.amountVnd.type")
                        .value("integer"))
                .andExpect(jsonPath("$.components.schemas.Money").doesNotExist());
    }
}
