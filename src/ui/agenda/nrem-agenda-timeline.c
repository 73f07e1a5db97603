/* nrem-agenda-timeline.c
 *
 * The blocks are real buttons, so they take the focus, answer to Enter and are read by a
 * screen reader like the rows of the list. Overlapping sessions share the width in lanes
 * (greedy interval partitioning within each group that overlaps).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-agenda"

#include "config.h"

#include "nrem-agenda-timeline.h"
#include "nrem-agenda-time.h"

#include <glib/gi18n.h>

#define AXIS_WIDTH 56
#define TOP_MARGIN 12
#define BOTTOM_MARGIN 12
#define END_MARGIN 12
#define MIN_BLOCK 20

typedef struct
{
  GtkWidget *button;
  int        start;    /* minutes */
  int        end;
  guint      lane;
  guint      lanes;    /* of its group */
} Block;

struct _NremAgendaTimeline
{
  GtkWidget            parent_instance;

  NremAgendaProgramme *programme;
  GtkSingleSelection  *selection;
  GArray              *blocks;
  int                  first_hour;
  int                  last_hour;
};

G_DEFINE_FINAL_TYPE (NremAgendaTimeline, nrem_agenda_timeline, GTK_TYPE_WIDGET)

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
y_of (NremAgendaTimeline *self,
      int                 minutes)
{
  return TOP_MARGIN + (minutes - self->first_hour * 60) * NREM_AGENDA_TIMELINE_HOUR_HEIGHT / 60;
}

static void
clear_blocks (NremAgendaTimeline *self)
{
  for (guint i = 0; i < self->blocks->len; i++)
    gtk_widget_unparent (g_array_index (self->blocks, Block, i).button);
  g_array_set_size (self->blocks, 0);
}

static void
on_block_clicked_cb (GtkButton          *button,
                     NremAgendaTimeline *self)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "position"));

  if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, position);
  g_signal_emit (self, signals[ACTIVATE], 0, position);
}

static void
update_selected (NremAgendaTimeline *self)
{
  guint selected = self->selection ? gtk_single_selection_get_selected (self->selection)
                                   : GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      GtkWidget *button = g_array_index (self->blocks, Block, i).button;
      guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "position"));

      if (position == selected)
        gtk_widget_add_css_class (button, "selected");
      else
        gtk_widget_remove_css_class (button, "selected");
    }
}

static GtkWidget *
make_block (NremAgendaTimeline *self,
            NremAgendaSession  *session,
            guint               position,
            GDateTime          *now)
{
  NremRecord *record = NREM_RECORD (session);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (nrem_record_get_string (record, "title"));
  g_autofree char *range = nrem_agenda_time_range_label (nrem_record_get_string (record, "start_time"),
                                                         nrem_record_get_string (record, "end_time"));
  g_autofree char *meta = nrem_agenda_programme_dup_meta_label (self->programme, session);
  g_autofree char *label = nrem_agenda_programme_dup_accessible_label (self->programme, session);
  g_autofree char *description = nrem_agenda_programme_dup_accessible_description (self->programme,
                                                                                   session, now);
  g_autofree char *small = meta[0] != '\0' ? g_strdup_printf ("%s · %s", range, meta) : g_strdup (range);
  GtkWidget *detail = gtk_label_new (small);
  const char *kind = nrem_record_get_string (record, "kind");
  GPtrArray *warnings = nrem_agenda_programme_get_warnings (self->programme, nrem_record_get_uuid (record));

  gtk_widget_add_css_class (button, "agenda-block");
  if (kind != NULL)
    {
      g_autofree char *css = g_strconcat ("kind-", kind, NULL);

      gtk_widget_add_css_class (button, css);
    }
  switch (nrem_agenda_programme_get_state (self->programme, session, now))
    {
    case NREM_AGENDA_STATE_RUNNING:
      gtk_widget_add_css_class (button, "agenda-running");
      break;
    case NREM_AGENDA_STATE_NEXT:
      gtk_widget_add_css_class (button, "agenda-next");
      break;
    case NREM_AGENDA_STATE_PAST:
      gtk_widget_add_css_class (button, "agenda-past");
      break;
    case NREM_AGENDA_STATE_NONE:
    case NREM_AGENDA_STATE_LATER:
    default:
      break;
    }
  if (warnings != NULL && warnings->len > 0)
    {
      g_autofree char *text = nrem_agenda_warnings_text (warnings);

      gtk_widget_add_css_class (button, "agenda-warning");
      gtk_widget_set_tooltip_text (button, text);
    }

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_overflow (button, GTK_OVERFLOW_HIDDEN);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  g_object_set_data (G_OBJECT (button), "position", GUINT_TO_POINTER (position));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_block_clicked_cb), self, 0);
  return button;
}

static int
compare_blocks (gconstpointer a,
                gconstpointer b)
{
  const Block *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

/* Lanes: within each group of sessions that overlap, each session takes the first lane free
 * at its start; the group's width is shared by its number of lanes. */
static void
assign_lanes (NremAgendaTimeline *self)
{
  guint group_start = 0;
  int group_end = -1;
  g_autoptr(GArray) lane_ends = g_array_new (FALSE, FALSE, sizeof (int));

  g_array_sort (self->blocks, compare_blocks);
  for (guint i = 0; i <= self->blocks->len; i++)
    {
      Block *b = i < self->blocks->len ? &g_array_index (self->blocks, Block, i) : NULL;
      guint lane;

      if (b == NULL || b->start >= group_end)
        {
          /* close the group */
          for (guint j = group_start; j < i; j++)
            g_array_index (self->blocks, Block, j).lanes = MAX (1, lane_ends->len);
          if (b == NULL)
            break;
          group_start = i;
          group_end = b->end;
          g_array_set_size (lane_ends, 0);
        }
      for (lane = 0; lane < lane_ends->len; lane++)
        if (g_array_index (lane_ends, int, lane) <= b->start)
          break;
      if (lane == lane_ends->len)
        g_array_append_val (lane_ends, b->end);
      else
        g_array_index (lane_ends, int, lane) = b->end;
      b->lane = lane;
      group_end = MAX (group_end, b->end);
    }
}

static void
rebuild (NremAgendaTimeline *self)
{
  GListModel *model;
  g_autoptr(GDateTime) now = nrem_agenda_now ();
  guint n;
  int first = 9 * 60, last = 17 * 60;

  clear_blocks (self);
  if (self->programme == NULL)
    return;

  model = nrem_agenda_programme_get_sessions (self->programme);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NremAgendaSession) session = g_list_model_get_item (model, i);
      NremRecord *record = NREM_RECORD (session);
      int start = nrem_agenda_parse_clock (nrem_record_get_string (record, "start_time"));
      int duration = nrem_agenda_duration (nrem_record_get_string (record, "start_time"),
                                           nrem_record_get_string (record, "end_time"));
      Block block = { NULL, 0, 0, 0, 1 };

      /* a session without a time has no place on a line of hours; the list shows it */
      if (start < 0)
        continue;
      block.start = start;
      block.end = start + MAX (duration, 15);
      block.button = make_block (self, session, i, now);
      gtk_widget_set_parent (block.button, GTK_WIDGET (self));
      g_array_append_val (self->blocks, block);
      first = MIN (first, start);
      last = MAX (last, block.end);
    }
  self->first_hour = first / 60;
  self->last_hour = MIN ((last + 59) / 60, 48);
  assign_lanes (self);

  /* focus follows the time order */
  for (guint i = 1; i < self->blocks->len; i++)
    gtk_widget_insert_after (g_array_index (self->blocks, Block, i).button, GTK_WIDGET (self),
                             g_array_index (self->blocks, Block, i - 1).button);
  update_selected (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_items_changed_cb (NremAgendaTimeline *self)
{
  rebuild (self);
}

static void
on_selection_changed_cb (NremAgendaTimeline *self)
{
  update_selected (self);
}

static void
nrem_agenda_timeline_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  NremAgendaTimeline *self = NREM_AGENDA_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = AXIS_WIDTH + 160;
      *natural = AXIS_WIDTH + 480;
    }
  else
    {
      *minimum = *natural = TOP_MARGIN + BOTTOM_MARGIN +
                            (self->last_hour - self->first_hour) * NREM_AGENDA_TIMELINE_HOUR_HEIGHT;
    }
  for (guint i = 0; i < self->blocks->len; i++)
    {
      int m, n;

      /* buttons must be measured before they are allocated */
      gtk_widget_measure (g_array_index (self->blocks, Block, i).button, orientation, -1,
                          &m, &n, NULL, NULL);
    }
}

static void
nrem_agenda_timeline_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  NremAgendaTimeline *self = NREM_AGENDA_TIMELINE (widget);
  int area = MAX (0, width - AXIS_WIDTH - END_MARGIN);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = &g_array_index (self->blocks, Block, i);
      int lane_width = area / (int) b->lanes;
      int y = y_of (self, b->start);
      int h = MAX (MIN_BLOCK, y_of (self, b->end) - y - 2);
      GtkAllocation alloc = { AXIS_WIDTH + (int) b->lane * lane_width, y + 1, lane_width - 4, h };

      gtk_widget_size_allocate (b->button, &alloc, -1);
    }
}

static void
nrem_agenda_timeline_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  NremAgendaTimeline *self = NREM_AGENDA_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA fg;
  GdkRGBA line;
  g_autoptr(GDateTime) now = nrem_agenda_now ();
  g_autofree char *today = NULL;
  int minutes = 0;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  line = fg;
  line.alpha = 0.15;

  for (int h = self->first_hour; h <= self->last_hour; h++)
    {
      int y = y_of (self, h * 60);
      g_autofree char *text = g_strdup_printf ("%02d:00", h % 24);
      PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
      GdkRGBA dim = fg;
      int lw, lh;

      dim.alpha = 0.55;
      pango_layout_get_pixel_size (layout, &lw, &lh);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (AXIS_WIDTH - 8 - lw, y - lh / 2));
      gtk_snapshot_append_layout (snapshot, layout, &dim);
      gtk_snapshot_restore (snapshot);
      g_object_unref (layout);

      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (AXIS_WIDTH, y, width - AXIS_WIDTH - END_MARGIN, 1));
    }

  for (guint i = 0; i < self->blocks->len; i++)
    gtk_widget_snapshot_child (widget, g_array_index (self->blocks, Block, i).button, snapshot);

  /* the present, on its day */
  if (self->programme != NULL &&
      nrem_agenda_programme_is_live (self->programme, now, &today, &minutes) &&
      g_strcmp0 (today, nrem_agenda_programme_get_day (self->programme)) == 0 &&
      minutes >= self->first_hour * 60 && minutes <= self->last_hour * 60)
    {
      GdkRGBA red = { 0.88, 0.11, 0.14, 1.0 };
      int y = y_of (self, minutes);

      gtk_snapshot_append_color (snapshot, &red, &GRAPHENE_RECT_INIT (AXIS_WIDTH - 4, y - 1,
                                                                      width - AXIS_WIDTH - END_MARGIN + 4, 2));
    }
}

/* the focus goes to the first session of the day */
static gboolean
nrem_agenda_timeline_grab_focus (GtkWidget *widget)
{
  GtkWidget *first = gtk_widget_get_first_child (widget);

  return first != NULL && gtk_widget_grab_focus (first);
}

static void
nrem_agenda_timeline_dispose (GObject *object)
{
  NremAgendaTimeline *self = (NremAgendaTimeline *) object;

  nrem_agenda_timeline_set_programme (self, NULL, NULL);
  if (self->blocks != NULL)
    clear_blocks (self);
  g_clear_pointer (&self->blocks, g_array_unref);
  G_OBJECT_CLASS (nrem_agenda_timeline_parent_class)->dispose (object);
}

static void
nrem_agenda_timeline_class_init (NremAgendaTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_agenda_timeline_dispose;
  widget_class->measure = nrem_agenda_timeline_measure;
  widget_class->size_allocate = nrem_agenda_timeline_size_allocate;
  widget_class->snapshot = nrem_agenda_timeline_snapshot;
  widget_class->grab_focus = nrem_agenda_timeline_grab_focus;

  /**
   * NremAgendaTimeline::activate:
   * @position: the session's position in the day
   */
  signals[ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "agendatimeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nrem_agenda_timeline_init (NremAgendaTimeline *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  self->first_hour = 9;
  self->last_hour = 17;
}

GtkWidget *
nrem_agenda_timeline_new (void)
{
  return g_object_new (NREM_TYPE_AGENDA_TIMELINE, NULL);
}

void
nrem_agenda_timeline_set_programme (NremAgendaTimeline  *self,
                                    NremAgendaProgramme *programme,
                                    GtkSingleSelection  *selection)
{
  if (self->programme != NULL)
    g_signal_handlers_disconnect_by_data (nrem_agenda_programme_get_sessions (self->programme), self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->programme, programme);
  g_set_object (&self->selection, selection);
  if (programme != NULL)
    g_signal_connect_object (nrem_agenda_programme_get_sessions (programme), "items-changed",
                             G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  if (selection != NULL)
    g_signal_connect_object (selection, "selection-changed", G_CALLBACK (on_selection_changed_cb),
                             self, G_CONNECT_SWAPPED);
  if (self->blocks != NULL)
    rebuild (self);
}

guint
nrem_agenda_timeline_get_n_blocks (NremAgendaTimeline *self)
{
  return self->blocks->len;
}

GtkWidget *
nrem_agenda_timeline_get_block (NremAgendaTimeline *self,
                                guint               position)
{
  for (guint i = 0; i < self->blocks->len; i++)
    {
      GtkWidget *button = g_array_index (self->blocks, Block, i).button;

      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "position")) == position)
        return button;
    }
  return NULL;
}

void
nrem_agenda_timeline_get_hours (NremAgendaTimeline *self,
                                int                *first,
                                int                *last)
{
  *first = self->first_hour;
  *last = self->last_hour;
}
