package vn.cungem.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.Campaign.UnitRef;
import vn.cungem.campaign.internal.CampaignRepository;
import vn.cungem.campaign.internal.CampaignTexts;
import vn.cungem.campaign.internal.CampaignVisibility;
import vn.cungem.campaign.internal.UnitLookup;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.text.VietnameseText;

/**
 * What people and other modules do with campaigns: find the ones they may see, set one up, change it, move it through
 * its life. Every change checks the caller's scope and publishes a {@link DomainChange} in its transaction.
 */
@Service
@Transactional(readOnly = true)
public class Campaigns {

    public static final String ENTITY = "campaign";
    public static final int PAGE_SIZE = 25;

    private final CampaignRepository repository;
    private final CampaignVisibility visibility;
    private final UnitLookup units;
    private final CampaignTexts texts;
    private final UnitScopes scopes;
    private final ApplicationEventPublisher events;

    Campaigns(
            CampaignRepository repository,
            CampaignVisibility visibility,
            UnitLookup units,
            CampaignTexts texts,
            UnitScopes scopes,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.visibility = visibility;
        this.units = units;
        this.texts = texts;
        this.scopes = scopes;
        this.events = events;
    }

    /** The campaign when the caller may see it; otherwise the same 404 as a missing one. */
    public Campaign get(long id, Caller caller) {
        if (!visibility.isVisible(id, caller)) {
            throw new NotFoundException(ENTITY, id);
        }
        return repository.load(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    /** The campaign whoever asks, for work the system does itself (documents it renders); no scope check. */
    public Optional<Campaign> find(long id) {
        return repository.load(id);
    }

    /** The active campaigns (anyone may pledge to them), newest first, at most {@code limit}; no scope check. */
    public List<Campaign> active(int limit) {
        return repository.idsWithStatus(CampaignStatus.ACTIVE, limit).stream()
                .map(this::find)
                .flatMap(Optional::stream)
                .toList();
    }

    /** The campaign with this code whoever asks; no scope check. */
    public Optional<Campaign> findByCode(String code) {
        return repository.idByCode(code).flatMap(this::find);
    }

    /** A campaign's name whoever asks (a duplicate found in another campaign names it); empty when there is none. */
    public String nameOf(long id) {
        return find(id).map(Campaign::name).orElse("");
    }

    public boolean isVisible(long id, Caller caller) {
        return visibility.isVisible(id, caller);
    }

    /** Whether a campaign already uses this code (as the create form and API normalise it). */
    public boolean existsWithCode(String code) {
        return code != null
                && repository
                        .idByCode(code.trim().toUpperCase(java.util.Locale.ROOT))
                        .isPresent();
    }

    public CampaignPage search(String query, CampaignStatus status, Caller caller, int page, int size) {
        int safePage = Math.max(0, page);
        int safeSize = Math.max(1, Math.min(size, 100));
        List<CampaignSummary> rows =
                visibility.search(VietnameseText.fold(query), status, caller, safeSize + 1, (long) safePage * safeSize);
        boolean hasNext = rows.size() > safeSize;
        return new CampaignPage(hasNext ? rows.subList(0, safeSize) : rows, safePage, safeSize, hasNext);
    }

    /** Whether a unit (a school's commune, say) lies in the campaign's {@linkplain Campaign#areaUnitIds area}. */
    public boolean inArea(Campaign campaign, long unitId) {
        return campaign.areaUnitIds().stream().anyMatch(area -> scopes.isWithin(unitId, area));
    }

    /** Managers whose scope covers the organising unit (that unit or above) and administrators. */
    public boolean canEdit(Campaign campaign, Caller caller) {
        return canManage(caller) && scopes.covers(caller, campaign.spec().organisingUnitId());
    }

    public static boolean canManage(Caller caller) {
        return caller.is(Role.SYSTEM_ADMIN) || caller.is(Role.PROGRAMME_MANAGER);
    }

    /**
     * Creates the campaign as a draft. A retry of the same request returns the campaign it created; another campaign
     * with the same code is a conflict.
     */
    @Transactional
    public Campaign create(CampaignSpec raw, Caller caller) {
        requireManager(caller);
        CampaignSpec spec = NormalisedSpec.of(raw);
        check(spec, caller);
        Optional<Long> existing = repository.idByCode(spec.code());
        if (existing.isPresent()) {
            return sameAsExisting(existing.get(), spec, caller);
        }
        long id;
        try {
            id = repository.insert(spec, CampaignStatus.DRAFT);
        } catch (DuplicateKeyException e) {
            throw codeTaken(spec.code());
        }
        Campaign created = repository.load(id).orElseThrow();
        events.publishEvent(DomainChange.created(ENTITY, id, spec.organisingUnitId(), CampaignSnapshot.of(created)));
        return created;
    }

    private Campaign sameAsExisting(long id, CampaignSpec spec, Caller caller) {
        Campaign campaign = repository.load(id).orElseThrow();
        if (campaign.spec().equals(spec) && visibility.isVisible(id, caller)) {
            return campaign;
        }
        throw codeTaken(spec.code());
    }

    private ConflictException codeTaken(String code) {
        return ConflictException.of("campaign-code-taken", "campaign.error.code-taken", code);
    }

    /**
     * Saves new details. {@code expectedVersion} is the version the editor loaded (null from the API: last write wins);
     * the code cannot change, since other records and printed documents refer to it.
     */
    @Transactional
    public Campaign update(long id, CampaignSpec raw, Integer expectedVersion, String reason, Caller caller) {
        Campaign current = editable(id, caller);
        CampaignSpec spec = NormalisedSpec.of(raw);
        if (!Objects.equals(spec.code(), current.code())) {
            throw new CampaignInvalidException(
                    List.of(texts.problem("code", "campaign.error.code-fixed", current.code())));
        }
        check(spec, caller);
        if (!current.status().isEditable()) {
            throw ConflictException.of("campaign-closed", "campaign.error.closed");
        }
        int version = expectedVersion == null ? current.version() : expectedVersion;
        if (!repository.update(id, spec, version)) {
            throw ConflictException.of("campaign-stale", "campaign.error.stale-save");
        }
        Campaign saved = repository.load(id).orElseThrow();
        events.publishEvent(DomainChange.updated(
                ENTITY,
                id,
                spec.organisingUnitId(),
                CampaignSnapshot.of(current),
                CampaignSnapshot.of(saved),
                tidyReason(reason)));
        return saved;
    }

    /** Moves the campaign along its life; the reason is required because the move is read by everyone below. */
    @Transactional
    public Campaign changeStatus(long id, CampaignStatus target, String reason, Caller caller) {
        Campaign current = editable(id, caller);
        if (target == null || !current.status().canMoveTo(target)) {
            throw new ConflictException(
                    "campaign-status",
                    texts.vi(
                            "campaign.error.status-move",
                            current.status().nameVi(),
                            target == null ? "?" : target.nameVi()),
                    texts.en(
                            "campaign.error.status-move",
                            current.status().nameEn(),
                            target == null ? "?" : target.nameEn()));
        }
        String why = tidyReason(reason);
        if (why == null) {
            throw InvalidValueException.of("campaign-reason", "campaign.error.reason");
        }
        if (!repository.changeStatus(id, current.status(), target)) {
            throw ConflictException.of("campaign-stale", "campaign.error.stale-status");
        }
        events.publishEvent(new DomainChange(
                ENTITY,
                String.valueOf(id),
                "STATUS_CHANGED",
                current.spec().organisingUnitId(),
                Map.of("status", current.status().name()),
                Map.of("status", target.name()),
                why));
        return repository.load(id).orElseThrow();
    }

    /** Units the caller may choose as organiser, matching what they type (code prefix or folded name); at most 20. */
    public Optional<UnitRef> unitByCode(String code) {
        return code == null || code.isBlank() ? Optional.empty() : units.unitByCode(code.trim());
    }

    /** Resolves unit codes; unknown codes are reported, not ignored. */
    public List<UnitRef> unitsByCodes(List<String> codes) {
        List<String> wanted = codes.stream()
                .map(String::trim)
                .filter(c -> !c.isEmpty())
                .distinct()
                .toList();
        List<UnitRef> found = units.unitsByCodes(wanted);
        List<String> missing = wanted.stream()
                .filter(c -> found.stream().noneMatch(u -> u.code().equals(c)))
                .toList();
        if (!missing.isEmpty()) {
            String list = String.join(", ", missing);
            throw new CampaignInvalidException(
                    List.of(texts.problem("participatingUnits", "campaign.error.unknown-units", list)));
        }
        return found;
    }

    public List<UnitRef> childUnits(long unitId) {
        return units.childUnits(unitId);
    }

    public Optional<UnitRef> unit(long id) {
        return units.unit(id);
    }

    private Campaign editable(long id, Caller caller) {
        Campaign current = get(id, caller);
        if (!canEdit(current, caller)) {
            throw new AccessDeniedException("campaign " + id + " is managed above the caller");
        }
        return current;
    }

    private static void requireManager(Caller caller) {
        if (!canManage(caller)) {
            throw new AccessDeniedException("only managers set up campaigns");
        }
    }

    /** The rules of the spec, then the ones that need the organisation tree. */
    private void check(CampaignSpec spec, Caller caller) {
        List<CampaignProblem> problems = new ArrayList<>(spec.problems());
        Long organiser = spec.organisingUnitId();
        if (organiser != null) {
            if (units.unit(organiser).isEmpty() || !scopes.covers(caller, organiser)) {
                problems.add(texts.problem("organisingUnit", "campaign.error.organiser-scope"));
            } else {
                List<String> outside = new ArrayList<>();
                for (Long unitId : spec.participatingUnitIds()) {
                    if (!scopes.isWithin(unitId, organiser)) {
                        outside.add(units.unit(unitId).map(UnitRef::code).orElse(String.valueOf(unitId)));
                    }
                }
                if (!outside.isEmpty()) {
                    String list = String.join(", ", outside);
                    problems.add(texts.problem("participatingUnits", "campaign.error.outside-organiser", list));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new CampaignInvalidException(problems);
        }
    }

    private static String tidyReason(String reason) {
        return NormalisedSpec.blankToNull(VietnameseText.tidy(reason));
    }
}
