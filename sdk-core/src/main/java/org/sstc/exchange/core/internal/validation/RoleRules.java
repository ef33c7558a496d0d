package org.sstc.exchange.core.internal.validation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Modality;
import org.sstc.exchange.core.Participation;
import org.sstc.exchange.core.ParticipationRole;
import org.sstc.exchange.core.RecipientCountry;

/**
 * The roles and countries each modality asks of its participants (SEGIB): a triangular initiative
 * has a first provider, a second provider and a recipient; a bilateral one a provider and a
 * recipient, normally in different countries; a regional one spans three countries or more.
 * Every finding points at {@code /participants}.
 */
final class RoleRules {
  static final String TRIANGULAR_ROLES = "rule.triangular-roles";
  static final String BILATERAL_ROLES = "rule.bilateral-roles";
  static final String BILATERAL_SAME_COUNTRY = "rule.bilateral-same-country";
  static final String REGIONAL_COUNTRIES = "rule.regional-countries";

  private static final String POINTER = "/participants";

  private RoleRules() {}

  static void check(Initiative initiative, Findings findings) {
    Modality modality = initiative.modality();
    List<Participation> participants = initiative.participants();
    // No modality, no participants or a participant without a valid role: the schema has
    // reported it, and the roles present cannot be judged fairly.
    if (modality == null
        || participants.isEmpty()
        || participants.stream().anyMatch(p -> p.role() == null)) {
      return;
    }
    switch (modality) {
      case TRIANGULAR -> triangularRoles(participants, findings);
      case BILATERAL -> {
        bilateralRoles(participants, findings);
        bilateralSameCountry(participants, findings);
      }
      case REGIONAL -> regionalCountries(initiative, findings);
    }
  }

  private static void triangularRoles(List<Participation> participants, Findings findings) {
    Set<ParticipationRole> missing =
        missingRoles(
            participants,
            ParticipationRole.FIRST_PROVIDER,
            ParticipationRole.SECOND_PROVIDER,
            ParticipationRole.RECIPIENT);
    if (!missing.isEmpty()) {
      findings.error(
          TRIANGULAR_ROLES,
          POINTER,
          "a triangular initiative needs at least one participant with each of the roles"
              + " 'first-provider', 'second-provider' and 'recipient', but it has no "
              + names(missing) + ": give that role to the partner that plays it, or change the"
              + " modality",
          Modality.TRIANGULAR.code());
    }
  }

  private static void bilateralRoles(List<Participation> participants, Findings findings) {
    Set<ParticipationRole> missing =
        missingRoles(participants, ParticipationRole.PROVIDER, ParticipationRole.RECIPIENT);
    if (!missing.isEmpty()) {
      findings.error(
          BILATERAL_ROLES,
          POINTER,
          "a bilateral initiative needs at least one participant with the role 'provider' and"
              + " one with the role 'recipient', but it has no " + names(missing)
              + ": give that role to the partner that plays it, or change the modality",
          Modality.BILATERAL.code());
    }
  }

  /**
   * South-South cooperation is between countries: a bilateral initiative whose providers and
   * recipients all name one and the same country is probably domestic or mis-coded. Partners
   * without a country are left out; it takes at least one provider and one recipient with one.
   */
  private static void bilateralSameCountry(List<Participation> participants, Findings findings) {
    Set<String> countries = new LinkedHashSet<>();
    boolean providerHasCountry = false;
    boolean recipientHasCountry = false;
    for (Participation participant : participants) {
      boolean provider = participant.role() == ParticipationRole.PROVIDER;
      boolean recipient = participant.role() == ParticipationRole.RECIPIENT;
      String country = participant.country();
      if ((provider || recipient) && country != null) {
        if (!Shapes.matches(Shapes.COUNTRY, country)) {
          return; // the schema reported it
        }
        countries.add(country);
        providerHasCountry |= provider;
        recipientHasCountry |= recipient;
      }
    }
    if (providerHasCountry && recipientHasCountry && countries.size() == 1) {
      String country = countries.iterator().next();
      findings.warning(
          BILATERAL_SAME_COUNTRY,
          POINTER,
          "every provider and recipient of this bilateral initiative is in the same country, '"
              + country + "': South-South cooperation is between countries, so check each"
              + " participant's country, or whether the initiative belongs in this exchange",
          country);
    }
  }

  /** Participants' countries and recipient countries together must name three or more. */
  private static void regionalCountries(Initiative initiative, Findings findings) {
    List<String> values = new ArrayList<>();
    for (Participation participant : initiative.participants()) {
      if (participant.country() != null) {
        values.add(participant.country());
      }
    }
    for (RecipientCountry country : initiative.recipientCountries()) {
      if (country.code() != null) {
        values.add(country.code());
      }
    }
    if (values.stream().anyMatch(value -> !Shapes.matches(Shapes.COUNTRY, value))) {
      return; // a malformed country was reported by the schema and might be the missing one
    }
    Set<String> countries = new LinkedHashSet<>(values);
    if (countries.size() < 3) {
      findings.error(
          REGIONAL_COUNTRIES,
          POINTER,
          "a regional initiative involves at least three countries, but its participants and"
              + " recipient countries name "
              + (countries.isEmpty()
                  ? "no country at all"
                  : "only " + countries.size() + " (" + String.join(", ", countries) + ")")
              + ": add the countries of the other partners (participants' 'country' or"
              + " 'recipientCountries'), or change the modality",
          Modality.REGIONAL.code());
    }
  }

  private static Set<ParticipationRole> missingRoles(
      List<Participation> participants, ParticipationRole first, ParticipationRole... rest) {
    Set<ParticipationRole> missing = EnumSet.of(first, rest);
    for (Participation participant : participants) {
      missing.remove(participant.role());
    }
    return missing;
  }

  private static String names(Set<ParticipationRole> roles) {
    return roles.stream()
        .map(role -> "'" + role.code() + "'")
        .collect(Collectors.joining(" and no "));
  }
}
