package vn.gbv.portal.unit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.gbv.portal.unit.PersonService.MembershipRecord;
import vn.gbv.portal.unit.PersonService.PersonFilter;
import vn.gbv.portal.unit.PersonService.PersonRow;

/** Read-only projections of people: a unit's staff list through the closure, one person's history. */
@Repository
class PeopleQueries {

    /** People whose membership row valid on :today is in :unit or below it. */
    private static final String STAFF_OF_SUBTREE = """
            from unit_closure c
            join membership m on m.unit_id = c.descendant_id
                 and m.valid_from <= :today and (m.valid_to is null or m.valid_to > :today)
            join person p on p.id = m.person_id
            join unit u on u.id = m.unit_id
            where c.ancestor_id = :unit
              and p.full_name like :name
              and (:category is null or m.category = :category)
              and (:inTarget is null or m.in_target = :inTarget)
            """;

    private final JdbcClient jdbc;

    PeopleQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PersonRow> staff(long unitId, PersonFilter filter, LocalDate today, int offset, int limit) {
        return withFilter(jdbc.sql("""
                select p.id as person_id, p.full_name, p.sex, p.birth_year, m.category, m.unit_id,
                       u.name as unit_name, m.position, m.in_target, m.valid_from as since,
                       right(p.national_id, 4) as national_id_last4,
                       p.staff_code
                """ + STAFF_OF_SUBTREE + """
                order by p.full_name, p.id
                limit :limit offset :offset
                """), unitId, filter, today)
                .param("limit", limit).param("offset", offset)
                .query(PersonRow.class).list();
    }

    int count(long unitId, PersonFilter filter, LocalDate today) {
        return withFilter(jdbc.sql("select count(*) " + STAFF_OF_SUBTREE), unitId, filter, today)
                .query(Integer.class).single();
    }

    /** Every membership row of a person, newest first, each with the unit's name as it was when the row began. */
    List<MembershipRecord> history(long personId) {
        return jdbc.sql("""
                select m.id, m.unit_id, coalesce(h.name, u.name) as unit_name, m.category, m.position,
                       m.in_target, m.valid_from, m.valid_to
                from membership m
                join unit u on u.id = m.unit_id
                left join unit_name_history h on h.unit_id = u.id
                     and h.valid_from <= m.valid_from and h.valid_to > m.valid_from
                where m.person_id = :person
                order by m.valid_from desc, m.id desc
                """).param("person", personId).query(MembershipRecord.class).list();
    }

    /** The unit that decides who may see a person: that of their current row, else of their last one. */
    Optional<Long> scopeUnitOf(long personId) {
        return jdbc.sql("""
                select unit_id from membership where person_id = :person
                order by (valid_to is null) desc, valid_from desc, id desc
                limit 1
                """).param("person", personId).query(Long.class).optional();
    }

    private static JdbcClient.StatementSpec withFilter(JdbcClient.StatementSpec spec, long unitId,
                                                       PersonFilter filter, LocalDate today) {
        return spec.param("unit", unitId)
                .param("today", today)
                .param("name", UnitQueries.containsPattern(filter.name()))
                .param("category", filter.category() == null ? null : filter.category().name())
                .param("inTarget", filter.inTarget());
    }
}
