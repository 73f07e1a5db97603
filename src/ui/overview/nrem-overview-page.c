/* nrem-overview-page.c
 *
 * Edits save as you type: each change marks its field, and 400 ms after the last keystroke
 * (or when the field loses the focus, or the meeting changes) every marked field that is valid
 * is written through the session, one transaction each. A field that is not valid is marked
 * with the "error" style and kept until it is, never dropped without a word.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-overview-page"

#include "config.h"

#include "overview/nrem-overview-page-private.h"
#include "overview/nrem-count-tile.h"
#include "nrem-time.h"
#include "nrem-ui-text.h"

#include "nrem-field-editor.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

typedef enum
{
  CHECK_NONE,
  CHECK_DATE,
  CHECK_COUNTRY,
  CHECK_TIME_ZONE,
} Check;

typedef enum
{
  FIELD_TITLE,
  FIELD_SHORT_TITLE,
  FIELD_CONVENORS,
  FIELD_LANGUAGE,
  FIELD_CITY,
  FIELD_COUNTRY,
  FIELD_VENUE,
  FIELD_START_DATE,
  FIELD_END_DATE,
  FIELD_TIME_ZONE,
  FIELD_OBJECTIVES,
  FIELD_EXPECTED_OUTCOME,
  N_FIELDS
} Field;

static const struct
{
  const char *name;
  gboolean    required;
  Check       check;
} fields[N_FIELDS] = {
  [FIELD_TITLE] = { "title", TRUE, CHECK_NONE },
  [FIELD_SHORT_TITLE] = { "short_title", FALSE, CHECK_NONE },
  [FIELD_CONVENORS] = { "convenors", FALSE, CHECK_NONE },
  [FIELD_LANGUAGE] = { "language", FALSE, CHECK_NONE },
  [FIELD_CITY] = { "city", FALSE, CHECK_NONE },
  [FIELD_COUNTRY] = { "country", FALSE, CHECK_COUNTRY },
  [FIELD_VENUE] = { "venue", FALSE, CHECK_NONE },
  [FIELD_START_DATE] = { "start_date", TRUE, CHECK_DATE },
  [FIELD_END_DATE] = { "end_date", TRUE, CHECK_DATE },
  [FIELD_TIME_ZONE] = { "time_zone", TRUE, CHECK_TIME_ZONE },
  [FIELD_OBJECTIVES] = { "objectives", FALSE, CHECK_NONE },
  [FIELD_EXPECTED_OUTCOME] = { "expected_outcome", FALSE, CHECK_NONE },
};

static const char * const attendance_tile_names[] = {
  "invited", "confirmed", "declined", "attended"
};
static const char * const recommendation_tile_names[] = {
  "draft", "proposed", "under-discussion", "agreed", "withdrawn", "merged"
};

G_STATIC_ASSERT (G_N_ELEMENTS (attendance_tile_names) == G_N_ELEMENTS (((NremMeetingCounts *) 0)->attendance));
G_STATIC_ASSERT (G_N_ELEMENTS (recommendation_tile_names) == G_N_ELEMENTS (((NremMeetingCounts *) 0)->recommendations));

struct _NremOverviewPage
{
  GtkWidget       parent_instance;

  NremSession    *session;
  NremMeeting    *meeting;

  /* template widgets */
  GtkStack       *stack;
  GtkLabel       *heading_label;
  GtkLabel       *title_label;
  GtkLabel       *meta_label;
  GtkFlowBox     *participants_box;
  GtkFlowBox     *agenda_box;
  GtkFlowBox     *recommendations_box;
  NremCountTile  *invited_tile;
  NremCountTile  *confirmed_tile;
  NremCountTile  *declined_tile;
  NremCountTile  *attended_tile;
  NremCountTile  *heads_tile;
  NremCountTile  *days_tile;
  NremCountTile  *sessions_tile;
  NremCountTile  *draft_tile;
  NremCountTile  *proposed_tile;
  NremCountTile  *discussion_tile;
  NremCountTile  *agreed_tile;
  NremCountTile  *withdrawn_tile;
  NremCountTile  *merged_tile;
  AdwEntryRow    *title_row;
  AdwEntryRow    *short_title_row;
  AdwEntryRow    *convenors_row;
  AdwEntryRow    *language_row;
  AdwEntryRow    *city_row;
  AdwEntryRow    *country_row;
  AdwEntryRow    *venue_row;
  AdwEntryRow    *start_date_row;
  AdwEntryRow    *end_date_row;
  AdwEntryRow    *time_zone_row;
  GtkTextView    *objectives_view;
  GtkTextView    *outcome_view;

  GtkWidget      *editors[N_FIELDS];
  GtkLabel       *hints[N_FIELDS];
  NremCountTile  *attendance_tiles[4];
  NremCountTile  *recommendation_tiles[6];

  guint           dirty;      /* bit per field: edited and not yet saved */
  guint           invalid;    /* bit per field: its text cannot be saved */
  guint           save_source;
  guint           counts_source;
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (NremOverviewPage, nrem_overview_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GQuark field_quark;

#define FIELD_BIT(i) (1u << (i))

/* ------------------------------------------------------------------------------------------
 * Helpers
 */

static void
show_toast (NremOverviewPage *self,
            const char       *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("%s", title);
      return;
    }
  /* a toast's title is markup; what the user typed is not */
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static gboolean
is_read_only (NremOverviewPage *self)
{
  return self->session == NULL || nrem_store_is_read_only (nrem_session_get_store (self->session));
}

static char *
get_text (NremOverviewPage *self,
          Field             i)
{
  return nrem_field_editor_dup_text (self->editors[i]);
}

static void
set_text (NremOverviewPage *self,
          Field             i,
          const char       *text)
{
  self->loading = TRUE;
  nrem_field_editor_set_text (self->editors[i], text);
  self->loading = FALSE;
}

/* The value to store for the text of field @i: codes in capitals, dates without spaces. */
static char *
normalise (Field       i,
           const char *text)
{
  switch (fields[i].check)
    {
    case CHECK_COUNTRY:
      {
        g_autofree char *stripped = g_strstrip (g_strdup (text));

        return g_ascii_strup (stripped, -1);
      }
    case CHECK_DATE:
    case CHECK_TIME_ZONE:
      return g_strstrip (g_strdup (text));
    case CHECK_NONE:
    default:
      return g_strdup (text);
    }
}

static Field
field_from_name (const char *name)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (fields[i].name, name) == 0)
      return i;
  return N_FIELDS;
}

static char *
format_weekday (const char *date)
{
  int y, m, d;
  g_autoptr(GDateTime) dt = NULL;

  if (sscanf (date, "%d-%d-%d", &y, &m, &d) != 3 ||
      (dt = g_date_time_new_utc (y, m, d, 0, 0, 0)) == NULL)
    return NULL;
  return g_date_time_format (dt, "%A");
}

static int
days_between (const char *start,
              const char *end)
{
  GDate a, b;
  int y, m, d;

  if (!nrem_date_is_valid (start) || !nrem_date_is_valid (end))
    return 0;
  if (sscanf (start, "%d-%d-%d", &y, &m, &d) != 3)
    return 0;
  g_date_clear (&a, 1);
  g_date_set_dmy (&a, d, m, y);
  if (sscanf (end, "%d-%d-%d", &y, &m, &d) != 3)
    return 0;
  g_date_clear (&b, 1);
  g_date_set_dmy (&b, d, m, y);
  return MAX (0, g_date_days_between (&a, &b) + 1);
}

/* ------------------------------------------------------------------------------------------
 * Checking what was typed
 */

/* Returns: (nullable): why the text of field @i cannot be saved; @hint: what to show beside it */
static char *
check_field (NremOverviewPage  *self,
             Field              i,
             char             **hint)
{
  g_autofree char *raw = get_text (self, i);
  g_autofree char *text = normalise (i, raw);

  *hint = NULL;
  if (fields[i].required && fields[i].check == CHECK_NONE)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (stripped[0] == '\0')
        return g_strdup (_("Cannot be empty"));
    }

  switch (fields[i].check)
    {
    case CHECK_DATE:
      {
        char *problem = nrem_ui_check_date (text);

        if (problem != NULL)
          return problem;
        if (i == FIELD_END_DATE)
          {
            g_autofree char *start_raw = get_text (self, FIELD_START_DATE);
            g_autofree char *start = normalise (FIELD_START_DATE, start_raw);

            if (nrem_date_is_valid (start) && strcmp (text, start) < 0)
              return g_strdup (_("Before the start date"));
          }
        *hint = format_weekday (text);
        return NULL;
      }

    case CHECK_COUNTRY:
      {
        char *problem = nrem_ui_check_country_code (text);

        if (problem != NULL)
          return problem;
        if (text[0] == '\0' || self->session == NULL)
          return NULL;
        if (!nrem_store_has_country (nrem_session_get_store (self->session), text))
          return g_strdup (_("Unknown country code"));
        *hint = nrem_session_dup_country_name (self->session, text);
        return NULL;
      }

    case CHECK_TIME_ZONE:
      return nrem_ui_check_time_zone (text, hint);

    case CHECK_NONE:
    default:
      return NULL;
    }
}

static void
show_validity (NremOverviewPage *self,
               Field             i,
               const char       *problem,
               const char       *hint)
{
  nrem_field_editor_show_validity (self->editors[i], self->hints[i], problem, hint);
  if (problem != NULL)
    self->invalid |= FIELD_BIT (i);
  else
    self->invalid &= ~FIELD_BIT (i);
}

static void
check_all (NremOverviewPage *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *hint = NULL;
      g_autofree char *problem = NULL;

      if (self->hints[i] == NULL && !fields[i].required)
        continue;
      problem = check_field (self, i, &hint);
      show_validity (self, i, problem, hint);
    }
}

/* ------------------------------------------------------------------------------------------
 * Showing the meeting
 */

static void
update_header (NremOverviewPage *self)
{
  NremRecord *record = NREM_RECORD (self->meeting);
  const char *title = nrem_record_get_string (record, "title");
  const char *short_title = nrem_record_get_string (record, "short_title");
  const char *city = nrem_record_get_string (record, "city");
  const char *country = nrem_record_get_string (record, "country");
  g_autofree char *dates = nrem_meeting_dup_dates_label (self->meeting);
  g_autofree char *country_name = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *place = NULL;
  g_autofree char *meta = NULL;
  gboolean has_short = short_title != NULL && short_title[0] != '\0';

  gtk_label_set_label (self->heading_label, has_short ? short_title : title ? title : "");
  gtk_label_set_label (self->title_label, has_short && title ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), has_short && title != NULL);

  if (country != NULL && self->session != NULL)
    country_name = nrem_session_dup_country_name (self->session, country);
  if (city != NULL && country_name != NULL)
    place = g_strdup_printf ("%s, %s", city, country_name);
  else
    place = g_strdup (city ? city : country_name);

  if (dates[0] != '\0')
    g_ptr_array_add (parts, dates);
  if (place != NULL && place[0] != '\0')
    g_ptr_array_add (parts, place);
  g_ptr_array_add (parts, NULL);
  meta = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_label (self->meta_label, meta);
  gtk_widget_set_visible (GTK_WIDGET (self->meta_label), meta[0] != '\0');
}

static void
update_days (NremOverviewPage *self)
{
  NremRecord *record = NREM_RECORD (self->meeting);

  nrem_count_tile_set_value (self->days_tile,
                             days_between (nrem_record_get_string (record, "start_date"),
                                           nrem_record_get_string (record, "end_date")));
}

/* Shows the stored value of every field that has no edit waiting. */
static void
load_fields (NremOverviewPage *self)
{
  if (self->meeting == NULL)
    return;

  for (guint i = 0; i < N_FIELDS; i++)
    if (!(self->dirty & FIELD_BIT (i)))
      set_text (self, i, nrem_record_get_string (NREM_RECORD (self->meeting), fields[i].name));
  check_all (self);
  update_header (self);
  update_days (self);
}

static void
on_meeting_notify_cb (NremOverviewPage *self,
                      GParamSpec       *pspec,
                      NremMeeting      *meeting)
{
  load_fields (self);
}

static gboolean
refresh_counts_cb (gpointer user_data)
{
  NremOverviewPage *self = user_data;
  NremMeetingCounts counts = { 0 };

  self->counts_source = 0;
  if (self->session != NULL)
    nrem_session_get_counts (self->session, &counts);

  for (guint i = 0; i < G_N_ELEMENTS (self->attendance_tiles); i++)
    nrem_count_tile_set_value (self->attendance_tiles[i], counts.attendance[i]);
  nrem_count_tile_set_value (self->heads_tile, counts.head_of_delegation);
  nrem_count_tile_set_value (self->sessions_tile, counts.sessions);
  for (guint i = 0; i < G_N_ELEMENTS (self->recommendation_tiles); i++)
    nrem_count_tile_set_value (self->recommendation_tiles[i], counts.recommendations[i]);

  return G_SOURCE_REMOVE;
}

static void
queue_refresh_counts (NremOverviewPage *self)
{
  /* an import reports every kind at once: count once after them all */
  if (self->counts_source == 0)
    self->counts_source = g_idle_add (refresh_counts_cb, self);
}

/* ------------------------------------------------------------------------------------------
 * Saving
 */

static void
save_pending (NremOverviewPage *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->meeting == NULL || self->session == NULL)
    return;

  /* the object stays the same while the store reloads it under us */
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *raw = NULL;
      g_autofree char *value = NULL;

      if (!(self->dirty & FIELD_BIT (i)) || (self->invalid & FIELD_BIT (i)))
        continue;

      raw = get_text (self, i);
      value = normalise (i, raw);
      if (!nrem_session_update_meeting (self->session, self->meeting, fields[i].name, value,
                                        &error))
        {
          g_autofree char *message =
            g_strdup_printf (_("%s was not saved: %s"), nrem_ui_field_name (fields[i].name),
                             error->message);

          show_toast (self, message);
        }
      self->dirty &= ~FIELD_BIT (i);
      /* show what was stored: "th" becomes "TH"; a refused edit goes back */
      set_text (self, i, nrem_record_get_string (NREM_RECORD (self->meeting), fields[i].name));
    }
  check_all (self);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  NremOverviewPage *self = user_data;

  self->save_source = 0;
  save_pending (self);
  return G_SOURCE_REMOVE;
}

/* Saves what can be saved and says what cannot, before the page leaves this meeting. */
static void
flush_before_leaving (NremOverviewPage *self)
{
  save_pending (self);

  if (self->dirty != 0 && self->meeting != NULL)
    {
      const char *name = nrem_record_get_string (NREM_RECORD (self->meeting), "short_title");
      g_autoptr(GString) list = g_string_new (NULL);
      g_autofree char *message = NULL;

      for (guint i = 0; i < N_FIELDS; i++)
        if (self->dirty & FIELD_BIT (i))
          {
            g_autofree char *text = get_text (self, i);

            if (list->len > 0)
              g_string_append (list, _(", "));
            g_string_append_printf (list, "%s “%s”", nrem_ui_field_name (fields[i].name), text);
          }
      if (name == NULL)
        name = nrem_record_get_string (NREM_RECORD (self->meeting), "title");
      message = g_strdup_printf (_("Not saved to %s, not valid: %s"), name, list->str);
      show_toast (self, message);
    }
  self->dirty = 0;
}

/* ------------------------------------------------------------------------------------------
 * Callbacks
 */

static void
on_editor_changed_cb (NremOverviewPage *self,
                      GObject          *editor)
{
  Field i = GPOINTER_TO_UINT (g_object_get_qdata (editor, field_quark));

  if (self->loading || self->meeting == NULL)
    return;

  self->dirty |= FIELD_BIT (i);
  check_all (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (NREM_OVERVIEW_SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
on_focus_leave_cb (NremOverviewPage         *self,
                   GtkEventControllerFocus  *controller)
{
  if (self->dirty != 0)
    save_pending (self);
}

static void
set_meeting (NremOverviewPage *self,
             NremMeeting      *meeting)
{
  if (self->meeting == meeting)
    return;

  flush_before_leaving (self);

  if (self->meeting != NULL)
    g_signal_handlers_disconnect_by_func (self->meeting, on_meeting_notify_cb, self);
  g_set_object (&self->meeting, meeting);

  gtk_stack_set_visible_child_name (self->stack, meeting != NULL ? "meeting" : "empty");
  if (meeting == NULL)
    return;

  g_signal_connect_object (meeting, "notify", G_CALLBACK (on_meeting_notify_cb), self,
                           G_CONNECT_SWAPPED);
  load_fields (self);
  queue_refresh_counts (self);
}

static void
on_session_meeting_cb (NremOverviewPage *self,
                       GParamSpec       *pspec,
                       NremSession      *session)
{
  set_meeting (self, nrem_session_get_meeting (session));
}

static void
on_session_changed_cb (NremOverviewPage *self,
                       guint             kind,
                       NremSession      *session)
{
  if (kind == NREM_ENTITY_COUNTRY && self->meeting != NULL)
    load_fields (self);
  queue_refresh_counts (self);
}

static void
update_editable (NremOverviewPage *self)
{
  gboolean editable = !is_read_only (self);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (GTK_IS_TEXT_VIEW (self->editors[i]))
        {
          gtk_text_view_set_editable (GTK_TEXT_VIEW (self->editors[i]), editable);
          gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (self->editors[i]), editable);
        }
      else
        gtk_editable_set_editable (GTK_EDITABLE (self->editors[i]), editable);
      gtk_accessible_update_property (nrem_field_editor_accessible (self->editors[i]),
                                      GTK_ACCESSIBLE_PROPERTY_READ_ONLY, !editable,
                                      -1);
    }
}

/* ------------------------------------------------------------------------------------------
 * GObject
 */

static void
nrem_overview_page_dispose (GObject *object)
{
  NremOverviewPage *self = (NremOverviewPage *) object;

  /* what was typed last is saved even when the window closes within the delay */
  if (self->session != NULL && self->meeting != NULL)
    save_pending (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->counts_source, g_source_remove);

  if (self->meeting != NULL)
    g_signal_handlers_disconnect_by_func (self->meeting, on_meeting_notify_cb, self);
  g_clear_object (&self->meeting);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);

  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_OVERVIEW_PAGE);
  G_OBJECT_CLASS (nrem_overview_page_parent_class)->dispose (object);
}

static void
nrem_overview_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  NremOverviewPage *self = NREM_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_overview_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  NremOverviewPage *self = NREM_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nrem_overview_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_overview_page_class_init (NremOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_overview_page_dispose;
  object_class->get_property = nrem_overview_page_get_property;
  object_class->set_property = nrem_overview_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         NREM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  field_quark = g_quark_from_static_string ("nrem-overview-field");

  g_type_ensure (NREM_TYPE_COUNT_TILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/ui/nrem-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, meta_label);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, participants_box);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, agenda_box);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, recommendations_box);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, invited_tile);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, confirmed_tile);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, declined_tile);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, attended_tile);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, heads_tile);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, days_tile);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, sessions_tile);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, draft_tile);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, proposed_tile);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, discussion_tile);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, agreed_tile);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, withdrawn_tile);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, merged_tile);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, short_title_row);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, convenors_row);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, city_row);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, country_row);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, venue_row);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, end_date_row);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, objectives_view);
  gtk_widget_class_bind_template_child (widget_class, NremOverviewPage, outcome_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
unfocus_tiles (GtkFlowBox *box)
{
  /* the figures are read, not activated: keep them out of the Tab chain */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

static void
nrem_overview_page_init (NremOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->editors[FIELD_TITLE] = GTK_WIDGET (self->title_row);
  self->editors[FIELD_SHORT_TITLE] = GTK_WIDGET (self->short_title_row);
  self->editors[FIELD_CONVENORS] = GTK_WIDGET (self->convenors_row);
  self->editors[FIELD_LANGUAGE] = GTK_WIDGET (self->language_row);
  self->editors[FIELD_CITY] = GTK_WIDGET (self->city_row);
  self->editors[FIELD_COUNTRY] = GTK_WIDGET (self->country_row);
  self->editors[FIELD_VENUE] = GTK_WIDGET (self->venue_row);
  self->editors[FIELD_START_DATE] = GTK_WIDGET (self->start_date_row);
  self->editors[FIELD_END_DATE] = GTK_WIDGET (self->end_date_row);
  self->editors[FIELD_TIME_ZONE] = GTK_WIDGET (self->time_zone_row);
  self->editors[FIELD_OBJECTIVES] = GTK_WIDGET (self->objectives_view);
  self->editors[FIELD_EXPECTED_OUTCOME] = GTK_WIDGET (self->outcome_view);

  self->attendance_tiles[0] = self->invited_tile;
  self->attendance_tiles[1] = self->confirmed_tile;
  self->attendance_tiles[2] = self->declined_tile;
  self->attendance_tiles[3] = self->attended_tile;
  self->recommendation_tiles[0] = self->draft_tile;
  self->recommendation_tiles[1] = self->proposed_tile;
  self->recommendation_tiles[2] = self->discussion_tile;
  self->recommendation_tiles[3] = self->agreed_tile;
  self->recommendation_tiles[4] = self->withdrawn_tile;
  self->recommendation_tiles[5] = self->merged_tile;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkWidget *editor = self->editors[i];
      GtkEventController *focus = gtk_event_controller_focus_new ();
      GObject *source = GTK_IS_TEXT_VIEW (editor)
        ? G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)))
        : G_OBJECT (editor);

      g_object_set_qdata (source, field_quark, GUINT_TO_POINTER (i));
      g_signal_connect_object (source, "changed", G_CALLBACK (on_editor_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_widget_add_controller (editor, focus);

      /* the row is labelled by its title, the text in it that takes the focus is not */
      if (ADW_IS_ENTRY_ROW (editor))
        gtk_accessible_update_property (nrem_field_editor_accessible (editor),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        adw_preferences_row_get_title (ADW_PREFERENCES_ROW (editor)),
                                        -1);

      /* checked fields say beside them what they understood: "Thailand", "Wednesday" */
      if (fields[i].check != CHECK_NONE || fields[i].required)
        {
          GtkWidget *hint = gtk_label_new (NULL);

          gtk_label_set_ellipsize (GTK_LABEL (hint), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (hint), 24);
          gtk_widget_set_visible (hint, FALSE);
          gtk_widget_add_css_class (hint, "dim-label");
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (editor), hint);
          self->hints[i] = GTK_LABEL (hint);
        }
    }

  unfocus_tiles (self->participants_box);
  unfocus_tiles (self->agenda_box);
  unfocus_tiles (self->recommendations_box);

  update_editable (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* ------------------------------------------------------------------------------------------
 * Public API
 */

GtkWidget *
nrem_overview_page_new (void)
{
  return g_object_new (NREM_TYPE_OVERVIEW_PAGE, NULL);
}

NremSession *
nrem_overview_page_get_session (NremOverviewPage *self)
{
  g_return_val_if_fail (NREM_IS_OVERVIEW_PAGE (self), NULL);
  return self->session;
}

void
nrem_overview_page_set_session (NremOverviewPage *self,
                                NremSession      *session)
{
  g_return_if_fail (NREM_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (session == NULL || NREM_IS_SESSION (session));

  if (self->session == session)
    return;

  set_meeting (self, NULL);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);

  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::meeting", G_CALLBACK (on_session_meeting_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self,
                               G_CONNECT_SWAPPED);
      set_meeting (self, nrem_session_get_meeting (session));
    }
  update_editable (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * nrem_overview_page_focus_title:
 *
 * Puts the cursor in the title, all of it selected, to rename a new meeting.
 */
void
nrem_overview_page_focus_title (NremOverviewPage *self)
{
  g_return_if_fail (NREM_IS_OVERVIEW_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
}

/**
 * nrem_overview_page_flush:
 *
 * Saves the edits waiting for their delay now.
 */
void
nrem_overview_page_flush (NremOverviewPage *self)
{
  g_return_if_fail (NREM_IS_OVERVIEW_PAGE (self));

  save_pending (self);
}

GtkWidget *
nrem_overview_page_get_editor (NremOverviewPage *self,
                               const char       *field)
{
  Field i = field_from_name (field);

  g_return_val_if_fail (i < N_FIELDS, NULL);
  return self->editors[i];
}

void
nrem_overview_page_set_field_text (NremOverviewPage *self,
                                   const char       *field,
                                   const char       *text)
{
  Field i = field_from_name (field);
  GtkWidget *editor;

  g_return_if_fail (i < N_FIELDS);
  editor = self->editors[i];
  /* as if typed: through the widget, so that its signals run */
  if (GTK_IS_TEXT_VIEW (editor))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (editor), text);
}

char *
nrem_overview_page_dup_field_text (NremOverviewPage *self,
                                   const char       *field)
{
  Field i = field_from_name (field);

  g_return_val_if_fail (i < N_FIELDS, NULL);
  return get_text (self, i);
}

gboolean
nrem_overview_page_field_is_valid (NremOverviewPage *self,
                                   const char       *field)
{
  Field i = field_from_name (field);

  g_return_val_if_fail (i < N_FIELDS, FALSE);
  return !(self->invalid & FIELD_BIT (i)) && !gtk_widget_has_css_class (self->editors[i], "error");
}

gboolean
nrem_overview_page_has_pending (NremOverviewPage *self)
{
  return self->dirty != 0;
}

/* Whether a save waits for the delay after the last keystroke. */
gboolean
nrem_overview_page_save_is_due (NremOverviewPage *self)
{
  return self->save_source != 0;
}

const char *
nrem_overview_page_get_heading (NremOverviewPage *self)
{
  return gtk_label_get_label (self->heading_label);
}

guint
nrem_overview_page_get_count (NremOverviewPage *self,
                              const char       *tile)
{
  for (guint i = 0; i < G_N_ELEMENTS (attendance_tile_names); i++)
    if (g_strcmp0 (tile, attendance_tile_names[i]) == 0)
      return nrem_count_tile_get_value (self->attendance_tiles[i]);
  for (guint i = 0; i < G_N_ELEMENTS (recommendation_tile_names); i++)
    if (g_strcmp0 (tile, recommendation_tile_names[i]) == 0)
      return nrem_count_tile_get_value (self->recommendation_tiles[i]);
  if (g_strcmp0 (tile, "heads") == 0)
    return nrem_count_tile_get_value (self->heads_tile);
  if (g_strcmp0 (tile, "days") == 0)
    return nrem_count_tile_get_value (self->days_tile);
  if (g_strcmp0 (tile, "sessions") == 0)
    return nrem_count_tile_get_value (self->sessions_tile);
  g_return_val_if_reached (0);
}
