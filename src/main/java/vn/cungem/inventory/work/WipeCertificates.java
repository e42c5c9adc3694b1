package vn.cungem.inventory.work;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import vn.cungem.campaign.Campaigns;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.lifecycle.Worded;
import vn.cungem.shared.pdf.HtmlToPdf;
import vn.cungem.shared.security.Caller;

/**
 * A device's data-wipe certificate (issue 13), printed from its latest successful wipe: which device, how, by whom and
 * when, so a donor or a school can be shown that no one's data went with the device. Rendered like the project's other
 * PDFs (OpenHTMLtoPDF, a Thymeleaf template under {@code templates/pdf}, DejaVu fonts embedded for the diacritics).
 */
@Service
public class WipeCertificates {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Inventory inventory;
    private final Wipes wipes;
    private final Campaigns campaigns;
    private final TemplateEngine templates;

    WipeCertificates(Inventory inventory, Wipes wipes, Campaigns campaigns, TemplateEngine templates) {
        this.inventory = inventory;
        this.wipes = wipes;
        this.campaigns = campaigns;
        this.templates = templates;
    }

    public byte[] render(String tag, Caller caller, Locale locale) {
        Inventory.Item item = inventory.byTag(tag, caller);
        Wipes.Wipe wipe = wipes.latestSuccessful(item.id())
                .orElseThrow(() -> Worded.conflict("inventory.no-wipe", "inventory.work.wipe.none", item.tag()));
        String html = templates.process(
                "pdf/wipe-certificate",
                new Context(
                        locale,
                        Map.of(
                                "item",
                                item,
                                "wipe",
                                wipe,
                                "campaignName",
                                campaigns.nameOf(item.campaignId()),
                                "wipedAt",
                                wipe.wipedAt()
                                        .atZoneSameInstant(VIETNAM)
                                        .format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")))));
        return HtmlToPdf.render(html);
    }
}
